/**
 * `npm run bench`: builds, starts the production server as `npm start` does (on the embedded
 * database in memory, or on `DATABASE_URL`, which it migrates and writes to), seeds 1,000 users
 * and 10,000 projects, signs in over HTTP, and measures with autocannon (a process of its own):
 * a bare node:http server, a route handler doing what `project.list` does (Prisma, then raw pg),
 * the tRPC call itself, and the dashboard page; then the browser row (tools/bench/browser.ts): a
 * real page view in Chromium, its server CPU, requests, payload bytes and Web Vitals. Prints req/s, p50/p99 (ms) and errors, the ratios
 * and the targets, and writes its section of docs/benchmarks.md (tools/bench/report.ts).
 *
 * A missed target is reported, not a failure: the exit code is 0 whenever the run completed, 1
 * when it could not (build, start, seeding, sign-in, a wrong answer before measuring), 130/143
 * when interrupted. Whatever happens, every process it started is stopped (process groups).
 * Options: tools/bench/options.ts. `--scale 1m` runs tools/bench/scale.ts instead.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { readBenchmarkRoutes } from "../tools/benchmark-routes";
import { ROOT } from "../tools/database";
import { browserTable, runBrowser } from "../tools/bench/browser";
import { cpuBetween, type CpuSnapshot, type CpuTargets, snapshot } from "../tools/bench/cpu";
import { runLoad } from "../tools/bench/load";
import { describeDatabase, describeMachine } from "../tools/bench/machine";
import { type BenchOptions, readOptions, SCENARIO_IDS, USAGE } from "../tools/bench/options";
import { stopAll } from "../tools/process-groups";
import {
  busy,
  type Measurement,
  ratios,
  ratiosTable,
  reportSection,
  resultsTable,
  targets,
  targetsTable,
  writeBenchmarksDoc,
} from "../tools/bench/report";
import { closeScale, measureScale, scaleSection } from "../tools/bench/scale";
import { ensureDatabase, type ScaleData, seedScale } from "../tools/bench/scale-seed";
import { checkScenarios, scenarios } from "../tools/bench/scenarios";
import { type BenchData, seedBenchData } from "../tools/bench/seed";
import { build, migrate, startApp, startBareServer } from "../tools/bench/server";
import { signIn } from "../tools/bench/sign-in";

const DOC = path.join(ROOT, "docs", "benchmarks.md");

const step = (line: string) => console.log(`\n▸ ${line}`);

/** "1,000 users, 10 workspaces, …" for the report. */
function describeData(data: BenchData): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return (
    `${n(data.users)} verified users, ${n(data.workspaces)} workspaces (Team plan), ` +
    `${n(data.projects)} projects (${n(data.workspaceProjects)} in \`${data.workspaceSlug}\`, ` +
    `the one listed), ${n(data.auditEntries)} audit entries`
  );
}

function autocannonVersion(): string {
  const file = path.join(ROOT, "node_modules/autocannon/package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

/** The build's preview-mode id, for the draft-mode cookie of the per-request landing row. */
function previewModeId(): string {
  const file = path.join(ROOT, ".next/prerender-manifest.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { preview: { previewModeId: string } }).preview
    .previewModeId;
}

async function bench(options: BenchOptions): Promise<void> {
  if (options.build) {
    step("npm run build (BENCHMARK_ROUTES=1: with the benchmark routes)");
    await build();
  } else if ((await readBenchmarkRoutes(path.join(ROOT, ".next")).catch(() => [])).length === 0) {
    throw new Error(
      "the build in .next has no benchmark routes (/api/bench/*): run `npm run bench` without " +
        "--no-build, which builds with BENCHMARK_ROUTES=1",
    );
  }
  if (options.databaseUrl) {
    step(`npm run db:migrate (DATABASE_URL: this database gets the bench's rows)`);
    await migrate(options.databaseUrl);
  }

  step(`starting the app (npm start) on port ${options.appPort}`);
  const app = await startApp(options);
  console.log(`  ✓ healthy at ${app.baseUrl} (log: ${path.relative(ROOT, app.logFile)})`);
  const database = await describeDatabase(app.databaseUrl, app.embedded);
  console.log(`  ✓ ${database.kind}: ${database.version}`);

  step("seeding 1,000 users and 10,000 projects");
  const data = await seedBenchData(app.databaseUrl);
  console.log(`  ✓ ${describeData(data)} in ${(data.elapsedMs / 1000).toFixed(1)} s`);

  step(`signing in as ${data.email} (session.signIn over HTTP)`);
  const cookie = await signIn(app.baseUrl, data.email, data.password);
  console.log("  ✓ session cookie received");

  const bare = options.scenarios.includes("bare")
    ? await startBareServer(options.barePort)
    : { url: "http://127.0.0.1:0", pid: undefined };
  const list = scenarios(options.scenarios, {
    appUrl: app.baseUrl,
    bareUrl: bare.url,
    cookie,
    workspaceSlug: data.workspaceSlug,
    previewModeId: previewModeId(),
  });
  await checkScenarios(list, data.workspaceName);
  console.log("  ✓ every scenario answers 200 with the expected content");

  const machine = describeMachine();
  if (busy(machine)) {
    console.warn(
      `  ! load average ${machine.loadAverage} on ${machine.cores} cores: other work is ` +
        "running, the figures will be noisy",
    );
  }
  const startedAt = new Date().toISOString();
  const cpuTargets: CpuTargets = {
    appGroup: app.processGroup,
    barePid: bare.pid,
    postgresDatabase: app.embedded ? undefined : new URL(app.databaseUrl).pathname.slice(1),
  };
  const results: Measurement[] = [];
  for (const scenario of list) {
    step(
      `${scenario.label}: ${options.warmupS} s warm-up + ${options.durationS} s at ` +
        `${options.connections} connections`,
    );
    let before: CpuSnapshot = new Map();
    let after: CpuSnapshot = new Map();
    const summary = await runLoad(
      {
        url: scenario.url,
        headers: scenario.headers,
        connections: options.connections,
        durationS: options.durationS,
        warmupS: options.warmupS,
      },
      {
        onMeasuring: () => (before = snapshot(cpuTargets)),
        onMeasured: () => (after = snapshot(cpuTargets)),
      },
    );
    results.push({ scenario, summary, cpuMs: cpuBetween(before, after) });
    const statuses = Object.entries(summary.statusCodes)
      .filter(([code]) => code !== "200")
      .map(([code, count]) => `${code}×${count}`);
    console.log(
      `  ${Math.round(summary.reqPerSec)} req/s, p50 ${summary.p50Ms} ms, p99 ${summary.p99Ms} ms, ` +
        `${summary.errors} errors${statuses.length ? ` (${statuses.join(", ")})` : ""}`,
    );
  }

  let browser: string | undefined;
  if (options.browser) {
    step(
      `browser: ${options.views} cold loads of /w/${data.workspaceSlug} in Chromium, each ` +
        "followed by client navigations to Projects and back",
    );
    browser = browserTable(
      await runBrowser({
        appUrl: app.baseUrl,
        cookie,
        workspaceSlug: data.workspaceSlug,
        views: options.views,
        cpuTargets,
      }),
    );
  }

  if (results.length > 0) {
    console.log(`\n${resultsTable(results)}\n\n${ratiosTable(ratios(results))}\n`);
    console.log(targetsTable(targets(results, options.connections)));
  }
  if (browser) console.log(`\n${browser}`);

  const complete = SCENARIO_IDS.every((id) => options.scenarios.includes(id)) && !!browser;
  if (!options.write || !complete) {
    console.log(
      `\n(${path.relative(ROOT, DOC)} not written: ${options.write ? "--only" : "--no-write"})`,
    );
    return;
  }
  const section = reportSection({
    results,
    machine,
    database,
    startedAt,
    durationS: options.durationS,
    warmupS: options.warmupS,
    connections: options.connections,
    autocannonVersion: autocannonVersion(),
    poolMax: app.poolMax,
    data: describeData(data),
    browser,
  });
  await writeBenchmarksDoc(DOC, app.embedded ? "embedded" : "postgresql", section);
  console.log(`\n✓ wrote ${path.relative(ROOT, DOC)}`);
}

/**
 * `--scale 1m`: seeds 10k, times the hot queries, seeds 1M, times them again with EXPLAINs, and
 * writes the "scale" section of docs/benchmarks.md.
 */
async function benchScale(options: BenchOptions & { databaseUrl: string }): Promise<void> {
  const url = options.databaseUrl;
  step(`creating and migrating ${new URL(url).pathname.slice(1)} (its tables are emptied)`);
  await ensureDatabase(url);
  await migrate(url);
  const sizes: ScaleData[] = [];
  const runs = [];
  for (const size of ["10k", "1m"] as const) {
    step(`seeding ${size} (set-based SQL)`);
    const data = await seedScale(url, size);
    sizes.push(data);
    console.log(
      `  ✓ ${data.projects.toLocaleString("en-US")} projects, ` +
        `${data.users.toLocaleString("en-US")} users in ${(data.elapsedMs / 1000).toFixed(1)} s`,
    );
    step(`timing the hot queries at ${size}`);
    const run = await measureScale(url, {
      warmup: 30,
      calls: 200,
      explain: size === "1m",
      stripePort: options.stripePort,
    });
    for (const t of run.timings) {
      console.log(`  ${t.label}: median ${t.medianMs} ms, p95 ${t.p95Ms} ms`);
    }
    runs.push(run);
  }
  await closeScale();
  const section = scaleSection({
    small: runs[0]!.timings,
    large: runs[1]!.timings,
    explains: runs[1]!.explains,
    sizes: [sizes[0]!, sizes[1]!],
    machine: describeMachine(),
    database: await describeDatabase(url, false),
    startedAt: new Date().toISOString(),
  });
  console.log(`\n${section}`);
  if (!options.write) return;
  await writeBenchmarksDoc(DOC, "scale", section);
  console.log(`\n✓ wrote ${path.relative(ROOT, DOC)}`);
}

/** Set once the bench is stopping: every later exit waits for the first one. */
let exiting: Promise<never> | undefined;

/** Stops everything the bench started, then exits with `code` (the first caller's code wins). */
function exit(code: number): Promise<never> {
  exiting ??= stopAll().then(() => process.exit(code));
  return exiting;
}

for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
  ["SIGHUP", 129],
] as const) {
  process.on(signal, () => {
    if (exiting) return;
    console.error(`\n✖ ${signal}: stopping what the bench started`);
    void exit(code);
  });
}

try {
  if (process.argv.includes("--help")) {
    console.log(USAGE);
    process.exit(0);
  }
  const options = readOptions(process.argv.slice(2), process.env);
  await (options.scale && options.databaseUrl
    ? benchScale({ ...options, databaseUrl: options.databaseUrl })
    : bench(options));
  await exit(0);
} catch (error) {
  // Interrupted: the processes being stopped make the run fail; that is not worth a message.
  if (exiting) await exiting;
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.DEBUG) console.error(error);
  await exit(1);
}
