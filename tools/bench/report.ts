/**
 * The bench's results: the table (req/s, p50 and p99 in ms, errors), the ratios (tRPC / route
 * handler, Prisma / raw pg), the targets met or missed, and their section of docs/benchmarks.md.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import * as prettier from "prettier";
import type { CpuRole } from "./cpu";
import type { LoadSummary } from "./load";
import type { DatabaseInfo, Machine } from "./machine";
import type { ScenarioId } from "./options";
import { PER_REQUEST_LANDING_LABEL, publicPageLabel, type Scenario } from "./scenarios";

/** One measured scenario. */
export interface Measurement {
  scenario: Scenario;
  summary: LoadSummary;
  /** CPU ms of the servers during the measurement, by role (cpu.ts); null without /proc. */
  cpuMs: Record<CpuRole, number> | null;
}

/** A target and how this run did: met, missed, or not measured (null). */
export interface TargetResult {
  target: string;
  met: boolean | null;
  detail: string;
}

/** A ratio of two scenarios: throughput (req/s) and p99 latency. */
export interface Ratio {
  name: string;
  reqPerSec: number;
  p99: number;
}

/** tRPC must reach this share of the route handler's req/s. */
export const TRPC_SHARE_TARGET = 0.9;
/** The dashboard's p99 must stay under this, in ms. */
export const DASHBOARD_P99_TARGET_MS = 150;
/** The landing from cache must cost this many times less server CPU than rendered per request. */
export const CACHED_LANDING_SAVING_TARGET = 10;

const find = (results: Measurement[], id: ScenarioId) =>
  results.find((result) => result.scenario.id === id)?.summary;

const integer = (n: number) => Math.round(n).toLocaleString("en-US");
const ms = (n: number) => (n < 1 ? "< 1" : integer(n));
const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

/** tRPC / route handler and Prisma / raw pg, for the scenarios that ran. */
export function ratios(results: Measurement[]): Ratio[] {
  const pairs: [string, ScenarioId, ScenarioId][] = [
    ["tRPC / route handler (Prisma)", "trpc", "route"],
    ["Prisma / raw pg (route handler)", "route", "pg"],
  ];
  return pairs.flatMap(([name, a, b]) => {
    const [x, y] = [find(results, a), find(results, b)];
    return x && y ? [{ name, reqPerSec: x.reqPerSec / y.reqPerSec, p99: x.p99Ms / y.p99Ms }] : [];
  });
}

/** Next's CPU ms per request in `m`, or null when not measured. */
const nextCpuPerRequest = (m: Measurement | undefined) =>
  m?.cpuMs && m.summary.requests > 0 ? m.cpuMs.next / m.summary.requests : null;

/** The landing from cache against the landing rendered per request: server CPU ms per request. */
function cachedLandingTarget(results: Measurement[]): TargetResult {
  const target = `landing from cache ≥ ${CACHED_LANDING_SAVING_TARGET}× cheaper (server CPU/req) than rendered per request`;
  const row = (label: string) => results.find((result) => result.scenario.label === label);
  const cached = nextCpuPerRequest(row(publicPageLabel("/")));
  const perRequest = nextCpuPerRequest(row(PER_REQUEST_LANDING_LABEL));
  if (cached === null || perRequest === null) return { target, met: null, detail: "not measured" };
  return {
    target,
    met: cached * CACHED_LANDING_SAVING_TARGET <= perRequest,
    detail: `${fixed(cached)} ms from cache, ${fixed(perRequest)} ms per request: ${fixed(perRequest / cached, 1)}×`,
  };
}

/**
 * The targets of this machine: tRPC ≥ 90 % of the route handler, dashboard p99, the cached
 * landing's CPU saving, no errors.
 */
export function targets(results: Measurement[], connections: number): TargetResult[] {
  const trpc = find(results, "trpc");
  const route = find(results, "route");
  const dashboard = find(results, "dashboard");
  const failing = results.filter((result) => result.summary.errors > 0);
  const requests = results.reduce((sum, result) => sum + result.summary.requests, 0);
  return [
    {
      target: `tRPC within ${Math.round((1 - TRPC_SHARE_TARGET) * 100)} % of the route handler (req/s)`,
      met: trpc && route ? trpc.reqPerSec >= TRPC_SHARE_TARGET * route.reqPerSec : null,
      detail:
        trpc && route
          ? `tRPC ${integer(trpc.reqPerSec)} req/s = ${fixed((100 * trpc.reqPerSec) / route.reqPerSec, 1)} % of ${integer(route.reqPerSec)}`
          : "not measured",
    },
    {
      target: `dashboard p99 < ${DASHBOARD_P99_TARGET_MS} ms at ${connections} connections`,
      met: dashboard ? dashboard.p99Ms < DASHBOARD_P99_TARGET_MS : null,
      detail: dashboard ? `p99 ${ms(dashboard.p99Ms)} ms` : "not measured",
    },
    cachedLandingTarget(results),
    {
      target: "zero errors (non-2xx, socket errors, timeouts)",
      met: failing.length === 0,
      detail:
        failing.length === 0
          ? `0 in ${integer(requests)} requests`
          : failing.map((r) => `${r.scenario.id}: ${integer(r.summary.errors)}`).join(", "),
    },
  ];
}

/** `rows` as a Markdown table with aligned columns (readable in a terminal too). */
function table(header: string[], rows: string[][], right: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (right[i] ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** CPU ms per request of `role` in `m`, or "n/a". */
function cpuPerRequest(m: Measurement, role: CpuRole): string {
  if (!m.cpuMs || m.summary.requests === 0) return "n/a";
  return fixed(m.cpuMs[role] / m.summary.requests);
}

/**
 * The results table: one row per scenario. Then the mean size of an answer, and CPU columns: the
 * server's (the bare server, or Next) and the database's CPU ms per request, and the load
 * generator's share of one core.
 */
export function resultsTable(results: Measurement[]): string {
  return table(
    [
      "scenario",
      "req/s",
      "p50 ms",
      "p99 ms",
      "errors",
      "non-2xx",
      "socket",
      "timeouts",
      "requests",
      "KB/resp",
      "server CPU ms/req",
      "DB CPU ms/req",
      "autocannon CPU",
    ],
    results.map((m) => {
      const s = m.summary;
      const bare = m.scenario.id === "bare";
      return [
        m.scenario.label,
        integer(s.reqPerSec),
        ms(s.p50Ms),
        ms(s.p99Ms),
        integer(s.errors),
        integer(s.non2xx),
        integer(s.socketErrors),
        integer(s.timeouts),
        integer(s.requests),
        fixed(s.bytesPerResponse / 1024, 1),
        cpuPerRequest(m, bare ? "bare" : "next"),
        bare ? "–" : cpuPerRequest(m, "db"),
        `${Math.round(s.loadgenCpuMs / (10 * s.durationS))} %`,
      ];
    }),
    [false, ...Array<boolean>(12).fill(true)],
  );
}

export function ratiosTable(list: Ratio[]): string {
  return table(
    ["ratio", "req/s", "p99"],
    list.map((r) => [r.name, fixed(r.reqPerSec), fixed(r.p99)]),
    [false, true, true],
  );
}

const verdict = (met: boolean | null) => (met === null ? "not measured" : met ? "met" : "MISSED");

export function targetsTable(list: TargetResult[]): string {
  return table(
    ["target", "result", "measured"],
    list.map((t) => [t.target, verdict(t.met), t.detail]),
    [false, false, false],
  );
}

/** Everything a report section says about a run. */
export interface RunReport {
  results: Measurement[];
  machine: Machine;
  database: DatabaseInfo;
  /** ISO date-time the measurements started. */
  startedAt: string;
  durationS: number;
  warmupS: number;
  connections: number;
  autocannonVersion: string;
  poolMax: number;
  /** e.g. "1,000 users, 10 workspaces, …". */
  data: string;
  /** The browser row's tables (tools/bench/browser.ts `browserTable`). */
  browser?: string;
}

/** True when other work kept the machine busy as the run started (1-min load ≥ half the cores). */
export const busy = (machine: Machine) => machine.loadAverage >= machine.cores / 2;

/** The run's section of docs/benchmarks.md (Markdown, starting with a level-2 heading). */
export function reportSection(run: RunReport): string {
  const { machine, database } = run;
  const title =
    run.database.kind === "embedded PGlite"
      ? "Embedded PGlite (the default)"
      : "PostgreSQL server (`DATABASE_URL`)";
  return [
    `## ${title}`,
    "",
    `Measured ${run.startedAt.replace("T", " ").slice(0, 16)} UTC: each row ${run.durationS} s after a ` +
      `${run.warmupS} s warm-up, ${run.connections} connections (keep-alive, no pipelining), ` +
      `autocannon ${run.autocannonVersion} in a process of its own.`,
    "",
    table(
      ["setup", ""],
      [
        ["CPU", `${machine.cpu}, ${machine.cores} cores`],
        ["Memory", `${machine.memoryGiB} GiB`],
        ["OS", machine.os],
        ["Node", machine.node],
        ["Database", `${database.kind}: ${database.detail}`],
        ["`SELECT version()`", database.version],
        [
          "App",
          `\`npm start\` (scripts/with-db.ts), production build, DATABASE_POOL_MAX ${run.poolMax}`,
        ],
        ["Data", run.data],
        [
          "Load average at start",
          `${machine.loadAverage} (1 min)${busy(machine) ? ": other work was running, figures are noisy" : ""}`,
        ],
      ],
      [false, false],
    ),
    "",
    resultsTable(run.results),
    "",
    ratiosTable(ratios(run.results)),
    "",
    targetsTable(targets(run.results, run.connections)),
    ...(run.browser ? ["", run.browser] : []),
  ].join("\n");
}

/** The part of docs/benchmarks.md the bench rewrites on every run (how to run, what is measured). */
export const INTRO = `# Benchmarks

Written by \`npm run bench\` (scripts/bench.ts); each run replaces its database's section below
and keeps the rest of this file. Latencies are in ms, of 2xx answers (autocannon records only
those), with autocannon's 1 ms resolution; req/s is the mean of the per-second counts; errors
are non-2xx answers + socket errors + timeouts (10 s). KB/resp is the mean answer size (headers
included). The CPU columns, read from /proc, are what a request cost: the server's (the bare
server, or Next) and the database's (the embedded PGlite in the with-db.ts process, or the
PostgreSQL backends of the bench's database) CPU ms per request, and the load generator's share
of one core. They hold steadier than req/s when other work shares the machine: 1000 / server
CPU ms/req is about what one Next process could serve with a core of its own.

\`\`\`sh
npm run bench                       # build, then measure on the embedded database (in memory)
npm run bench -- --no-build         # reuse .next; also --duration 10 --warmup 3 --connections 20
DATABASE_URL=postgresql://postgres@127.0.0.1:5432/saas_bench npm run bench
\`\`\`

With \`DATABASE_URL\` the bench migrates that database and **writes to it**: it deletes and
re-creates its own rows (users \`@bench.example.com\`, workspaces \`bench-*\`). Give it a
database of its own (\`createdb -h 127.0.0.1 -U postgres saas_bench\`), never one with data you
keep.

Rows: a bare \`node:http\` server (the machine's ceiling); \`GET /api/bench/projects\` (a route
handler doing what \`project.list\` does: session, membership, \`listProjects\`; only served with
\`BENCHMARK_ROUTES=1\`); the tRPC call \`project.list\` through the HTTP batch endpoint, input as
the projects page sends it; the same route handler with \`?driver=pg\` (the list's two SQL
statements over a \`pg.Pool\`, so Prisma / raw pg compares the driver only, with the same Next
and auth around it); and the signed-in dashboard page. The data: 1,000 users, 10 workspaces of
1,000 projects, the benchmark user in all of them and owner of \`bench-00\`, whose first page of
20 projects is listed. Then the public pages served from cache (src/server/http/public-pages.ts,
\`PUBLIC_PAGE_BENCH_PATHS\`), signed out, and the landing rendered per request (the draft-mode
cookie makes Next skip its cache): what every public page cost before they were cached.`;

const markers = (key: string) =>
  [`<!-- bench:${key}:start -->`, `<!-- bench:${key}:end -->`] as const;

/** `doc` with the block `key` replaced by `content` (appended, or prepended, when absent). */
function replaceBlock(doc: string, key: string, content: string, prepend = false): string {
  const [start, end] = markers(key);
  const block = `${start}\n${content}\n${end}`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from !== -1 && to > from) return doc.slice(0, from) + block + doc.slice(to + end.length);
  if (!doc.trim()) return `${block}\n`;
  return prepend ? `${block}\n\n${doc.trimStart()}` : `${doc.trimEnd()}\n\n${block}\n`;
}

/**
 * Writes the intro and this run's section into `file`, keeping everything else in it, formatted
 * by the repository's Prettier configuration (so `prettier --check` passes on it).
 */
export async function writeBenchmarksDoc(
  file: string,
  sectionKey: string,
  section: string,
): Promise<void> {
  const before = existsSync(file) ? readFileSync(file, "utf8") : "";
  const doc = replaceBlock(replaceBlock(before, "intro", INTRO, true), sectionKey, section);
  const config = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(doc, { ...config, filepath: file }));
}
