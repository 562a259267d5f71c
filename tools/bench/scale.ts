/**
 * `npm run bench -- --scale 1m`: does the cost of the hot list queries stay flat as the data
 * grows? Seeds 10k projects (tools/bench/scale-seed.ts), times each hot service call, seeds 1M
 * projects and 100k users, times them again, and EXPLAINs (ANALYZE, BUFFERS) every SQL statement
 * each call sends at 1M. The services are called in this process, through the app's Prisma client
 * (no HTTP, no build): what is measured is the database work and Prisma's, which is what grows.
 *
 * Times are ms per call, sequential (one call at a time), after a warm-up.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { createPrismaClient } from "../../src/server/db-client";
import { emulatorEnv } from "../local-stripe";
import { allowServerOnlyOutsideNext } from "../server-only-outside-next";
import type { DatabaseInfo, Machine } from "./machine";
import { SCALE_EMAIL, SCALE_SLUG, type ScaleData } from "./scale-seed";

/** One timed call. */
interface HotQuery {
  id: string;
  label: string;
  run: () => Promise<unknown>;
}

/** A hot query's times at one size, in ms. */
export interface ScaleTiming {
  id: string;
  label: string;
  medianMs: number;
  p95Ms: number;
  /** SQL statements one call sends. */
  statements: number;
  /**
   * 8 kB pages the call's statements read (shared buffers hit or read, from EXPLAIN (ANALYZE,
   * BUFFERS)): the work done, which unlike time does not depend on the machine's load.
   */
  pages: number;
}

/** A statement as Prisma sent it. */
interface SentQuery {
  query: string;
  params: string;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * The app's services on `databaseUrl`, with a client that reports the statements it sends.
 * Loaded once per process (src/server/db.ts keeps the client on globalThis).
 */
async function loadServices(databaseUrl: string, stripePort: number) {
  allowServerOnlyOutsideNext();
  process.env.DATABASE_URL = databaseUrl;
  process.env.LOG_LEVEL ||= "silent";
  // The env's Stripe settings are required; nothing measured here calls Stripe.
  if (!process.env.STRIPE_SECRET_KEY) Object.assign(process.env, emulatorEnv(stripePort));
  const client = createPrismaClient({
    connectionString: databaseUrl,
    max: 4,
    connectionTimeoutMs: 10_000,
    queryEvents: true,
  });
  (globalThis as { prisma?: PrismaClient }).prisma = client;
  const [projects, activity, dashboard, users, workspaces] = await Promise.all([
    import("../../src/server/services/projects"),
    import("../../src/server/services/activity"),
    import("../../src/server/services/dashboard"),
    import("../../src/server/services/admin/users"),
    import("../../src/server/services/workspaces"),
  ]);
  const sent: SentQuery[] = [];
  let recording = false;
  // `$on` exists on a client made with queryEvents (its type does not say so).
  (client as unknown as { $on: (e: "query", f: (e: SentQuery) => void) => void }).$on(
    "query",
    (event) => {
      if (recording) sent.push({ query: event.query, params: event.params });
    },
  );
  /** The statements `run` sends. */
  const record = async (run: () => Promise<unknown>) => {
    sent.length = 0;
    recording = true;
    try {
      await run();
    } finally {
      recording = false;
    }
    return [...sent];
  };
  return { client, projects, activity, dashboard, users, workspaces, record };
}

type Services = Awaited<ReturnType<typeof loadServices>>;
let services: Promise<Services> | undefined;

/** The hot calls, as the measured user makes them. */
async function hotQueries(s: Services): Promise<HotQuery[]> {
  const user = await s.client.user.findUniqueOrThrow({ where: { email: SCALE_EMAIL } });
  const scope = await s.workspaces.findWorkspaceScope(user.id, SCALE_SLUG);
  if (!scope) throw new Error(`${SCALE_EMAIL} is not a member of ${SCALE_SLUG}`);
  const page = { sort: "updatedAt", dir: "desc", limit: 20, direction: "forward" } as const;
  let deepCursor: string | null = null;
  for (let i = 1; i < 40; i++) {
    deepCursor = (await s.projects.listProjects(scope, { ...page, cursor: deepCursor })).nextCursor;
  }
  return [
    {
      id: "projects",
      label: "projects list (first page, recently updated)",
      run: () => s.projects.listProjects(scope, page),
    },
    {
      id: "projects-deep",
      label: "projects list (page 40, by cursor)",
      run: () => s.projects.listProjects(scope, { ...page, cursor: deepCursor }),
    },
    {
      id: "projects-name",
      label: "projects list (sorted by name)",
      run: () => s.projects.listProjects(scope, { ...page, sort: "name", dir: "asc" }),
    },
    {
      id: "overview",
      label: "overview (getOverview)",
      run: () => s.dashboard.getOverview(scope),
    },
    {
      id: "activity",
      label: "activity (first page)",
      run: () => s.activity.listActivity(scope, { limit: 25, direction: "forward" }),
    },
    {
      id: "admin-users",
      label: "admin user search (no query)",
      run: () => s.users.searchUsers({ limit: 25 }),
    },
    {
      id: "admin-users-q",
      label: 'admin user search ("scale-000777", one match)',
      run: () => s.users.searchUsers({ q: "scale-000777", limit: 25 }),
    },
  ];
}

/**
 * Times each hot call on `databaseUrl` (seeded as `data`): `warmup` calls, then `calls` timed.
 * With `explain`, also returns each statement's EXPLAIN (ANALYZE, BUFFERS), by query id.
 */
export async function measureScale(
  databaseUrl: string,
  options: { warmup: number; calls: number; explain: boolean; stripePort: number },
): Promise<{ timings: ScaleTiming[]; explains: Map<string, string[]> }> {
  services ??= loadServices(databaseUrl, options.stripePort);
  const s = await services;
  const timings: ScaleTiming[] = [];
  const explains = new Map<string, string[]>();
  for (const hot of await hotQueries(s)) {
    for (let i = 0; i < options.warmup; i++) await hot.run();
    const times: number[] = [];
    for (let i = 0; i < options.calls; i++) {
      const start = performance.now();
      await hot.run();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const statements = await s.record(hot.run);
    const plans = await explainAll(databaseUrl, statements);
    timings.push({
      id: hot.id,
      label: hot.label,
      medianMs: round(quantile(times, 0.5)),
      p95Ms: round(quantile(times, 0.95)),
      statements: statements.length,
      pages: plans.reduce((sum, plan) => sum + pagesRead(plan), 0),
    });
    if (options.explain) explains.set(hot.id, plans);
  }
  return { timings, explains };
}

/**
 * Pages a plan's execution read: its top node's "Buffers: shared hit=… read=…" (a node's figures
 * include its children's; the planner's own, under "Planning:", are left out).
 */
function pagesRead(plan: string): number {
  const execution = plan.split("\nPlanning:")[0]!;
  const line = /Buffers: shared([^\n]*)/.exec(execution)?.[1] ?? "";
  const count = (kind: string) => Number(new RegExp(`${kind}=(\\d+)`).exec(line)?.[1] ?? 0);
  return count("hit") + count("read");
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statement, with Prisma's parameters bound. */
async function explainAll(databaseUrl: string, statements: SentQuery[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const plans: string[] = [];
    for (const { query, params } of statements) {
      const values = JSON.parse(params) as unknown[];
      const { rows } = await client.query<{ "QUERY PLAN": string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${query}`,
        values,
      );
      plans.push(`${query}\n\n${rows.map((row) => row["QUERY PLAN"]).join("\n")}`);
    }
    return plans;
  } finally {
    await client.end();
  }
}

/** Closes the services' client. */
export async function closeScale(): Promise<void> {
  if (services) await (await services).client.$disconnect();
}

/**
 * The 10k / 1M table: median and p95 per call, the 1M/10k ratio of medians (target ≤ 1.2), and
 * the pages read at each size (the same work at both sizes is what "flat" means, whatever the
 * load did to the times).
 */
export function scaleTable(
  small: ScaleTiming[],
  large: ScaleTiming[],
  sizes: [ScaleData, ScaleData],
): string {
  const n = (x: number) => x.toLocaleString("en-US");
  const [a, b] = sizes.map((size) => n(size.projects));
  const head =
    `| hot query | SQL statements | ${a}: median / p95 (ms) | ${b}: median / p95 (ms) | ` +
    `time ratio (target ≤ 1.2) | pages read, ${a} → ${b} |`;
  const rows = small.map((at10k) => {
    const at1m = large.find((t) => t.id === at10k.id)!;
    const ratio = at1m.medianMs / at10k.medianMs;
    return (
      `| ${at10k.label} | ${at10k.statements} | ${at10k.medianMs} / ${at10k.p95Ms} | ` +
      `${at1m.medianMs} / ${at1m.p95Ms} | ${ratio.toFixed(2)} ${ratio <= 1.2 ? "met" : "**missed**"} | ` +
      `${at10k.pages} → ${at1m.pages} |`
    );
  });
  return [head, "| --- | --: | --: | --: | --- | --: |", ...rows].join("\n");
}

/**
 * The "scale" section of docs/benchmarks.md: the 10k / 1M table and, per hot query, the
 * EXPLAIN (ANALYZE, BUFFERS) of each statement at 1M.
 */
export function scaleSection(run: {
  small: ScaleTiming[];
  large: ScaleTiming[];
  explains: Map<string, string[]>;
  sizes: [ScaleData, ScaleData];
  machine: Machine;
  database: DatabaseInfo;
  startedAt: string;
}): string {
  const n = (x: number) => x.toLocaleString("en-US");
  const [small, large] = run.sizes;
  const plans = run.large.map((t) => {
    const blocks = (run.explains.get(t.id) ?? []).map((plan) => `\`\`\`\n${plan}\n\`\`\``);
    return `#### ${t.label}\n\n${blocks.join("\n\n")}`;
  });
  return [
    "## Flat cost as data grows (`npm run bench -- --scale 1m`)",
    "",
    `Run ${run.startedAt} on ${run.database.kind} (${run.database.version.split(",")[0]}), ` +
      `${run.machine.cores} cores (${run.machine.cpu}), load average ${run.machine.loadAverage} ` +
      `when it ended: figures taken under whatever else ran. Each service call is made in the ` +
      `bench's process through the app's Prisma client, one at a time: 30 warm-up calls, then ` +
      `200 timed.`,
    "",
    `Data (tools/bench/scale-seed.ts): ${n(small.users)} users, ${n(small.workspaces)} ` +
      `workspaces, ${n(small.projects)} projects and ${n(small.auditEntries)} audit entries; then ` +
      `${n(large.users)} users, ${n(large.workspaces)} workspaces, ${n(large.projects)} projects ` +
      `and ${n(large.auditEntries)} audit entries. Every workspace has 100 members and 1,000 ` +
      `projects (the data grows by tenants), so a workspace's queries must cost the same at both ` +
      `sizes; the admin search runs over every user (100 × more at 1M).`,
    "",
    scaleTable(run.small, run.large, run.sizes),
    "",
    "### EXPLAIN (ANALYZE, BUFFERS) at 1M, each statement of each call",
    "",
    ...plans.flatMap((plan) => [plan, ""]),
  ].join("\n");
}
