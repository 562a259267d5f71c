/**
 * `npm run bench` options: command-line flags and the environment, checked with zod.
 *
 *   npm run bench -- [--no-build] [--duration 10] [--warmup 3] [--connections 20]
 *                    [--only bare,route,trpc,pg,dashboard,public,browser] [--views 5]
 *                    [--no-write]
 *   npm run bench -- --scale 1m [--no-write]     (DATABASE_URL: a PostgreSQL database named *bench*)
 *
 * Ports: `BENCH_PORT` (app, default 3400), `BENCH_BARE_PORT` (the bare node:http server, 3401),
 * `BENCH_DB_PORT` (embedded database, 54400), `BENCH_STRIPE_PORT` (Stripe emulator, 12400).
 * `DATABASE_URL` set → that PostgreSQL server (the bench migrates it and writes to it).
 */
import { parseArgs } from "node:util";
import { z } from "zod";

/** What `--help` prints. */
export const USAGE = `usage: npm run bench -- [options]

  --no-build          reuse the existing production build (.next)
  --duration <s>      measured seconds per scenario (default 10)
  --warmup <s>        unmeasured seconds before each measurement (default 3)
  --connections <n>   concurrent connections (default 20)
  --only <ids>        some of bare,route,trpc,pg,dashboard,public,browser (docs/benchmarks.md
                      is then not written)
  --views <n>         browser row: cold loads of the overview, each followed by two client
                      navigations (default 5)
  --no-write          do not write docs/benchmarks.md
  --scale 1m          instead of the above: time the hot list queries at 10k then at 1M
                      projects (100k users), in this process, on DATABASE_URL (a database
                      whose name contains "bench": its tables are emptied), with EXPLAINs

env: BENCH_PORT (3400), BENCH_BARE_PORT (3401), BENCH_DB_PORT (54400), BENCH_STRIPE_PORT (12400);
DATABASE_URL runs on that PostgreSQL database instead of the embedded one: the bench migrates it
and writes to it (its own users and workspaces, deleted and re-created on every run).
BENCH_CPU_PROF=<dir>: the app's Node processes write CPU profiles (--cpu-prof) there on exit.`;

/** The scenarios, in the order they run. */
export const SCENARIO_IDS = ["bare", "route", "trpc", "pg", "dashboard", "public"] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** What `--only` may name: the autocannon scenarios and the browser row (tools/bench/browser.ts). */
const ROW_IDS = [...SCENARIO_IDS, "browser"] as const;

/** Everything a run is configured by. Durations in seconds. */
export interface BenchOptions {
  build: boolean;
  /** Measured seconds per scenario. */
  durationS: number;
  /** Unmeasured seconds before each measurement. */
  warmupS: number;
  connections: number;
  scenarios: ScenarioId[];
  /** Run the browser row (tools/bench/browser.ts). */
  browser: boolean;
  /** Browser row: cold loads of the overview. */
  views: number;
  /** Write docs/benchmarks.md (only when every scenario ran). */
  write: boolean;
  appPort: number;
  barePort: number;
  dbPort: number;
  stripePort: number;
  /** A PostgreSQL server to run on; undefined = the embedded database. */
  databaseUrl?: string;
  /** `--scale`: the size to compare with 10k (tools/bench/scale.ts); undefined = the load bench. */
  scale?: "1m";
}

const port = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);

const schema = z.object({
  build: z.boolean(),
  durationS: z.coerce.number().int().min(1).max(600),
  warmupS: z.coerce.number().int().min(0).max(120),
  connections: z.coerce.number().int().min(1).max(1_000),
  scenarios: z.array(z.enum(ROW_IDS)).min(1),
  views: z.coerce.number().int().min(1).max(100),
  write: z.boolean(),
  appPort: port(3400),
  barePort: port(3401),
  dbPort: port(54400),
  stripePort: port(12400),
  databaseUrl: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  scale: z.enum(["1m"], { error: "--scale takes 1m" }).optional(),
});

/**
 * Reads `argv` (without node and the script) and `env`.
 * @throws Error naming the bad flag or variable, or on an unknown flag.
 */
export function readOptions(argv: string[], env: Record<string, string | undefined>): BenchOptions {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== "--"),
    options: {
      "no-build": { type: "boolean", default: false },
      "no-write": { type: "boolean", default: false },
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "3" },
      connections: { type: "string", default: "20" },
      views: { type: "string", default: "5" },
      only: { type: "string", default: ROW_IDS.join(",") },
      scale: { type: "string" },
    },
    strict: true,
  });
  const only = values.only.split(",").map((id) => id.trim());
  const parsed = schema.safeParse({
    build: !values["no-build"],
    durationS: values.duration,
    warmupS: values.warmup,
    connections: values.connections,
    scenarios: only,
    views: values.views,
    write: !values["no-write"],
    appPort: env.BENCH_PORT || undefined,
    barePort: env.BENCH_BARE_PORT || undefined,
    dbPort: env.BENCH_DB_PORT || undefined,
    stripePort: env.BENCH_STRIPE_PORT || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    scale: values.scale,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(["Invalid bench options:", ...lines].join("\n"));
  }
  if (parsed.data.scale && !parsed.data.databaseUrl) {
    throw new Error("Invalid bench options:\n  - scale: --scale needs DATABASE_URL (PostgreSQL)");
  }
  // Always in the canonical order, whatever order --only named them in.
  const scenarios = SCENARIO_IDS.filter((id) => parsed.data.scenarios.includes(id));
  return { ...parsed.data, scenarios, browser: parsed.data.scenarios.includes("browser") };
}
