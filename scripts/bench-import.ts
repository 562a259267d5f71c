/**
 * `npm run bench:import`: the CSV import of projects at scale. On an in-memory embedded database
 * (or `DATABASE_URL`, which gets the rows) and a temporary local storage directory, it writes
 * CSV files of 10,000 and 100,000 rows (1 in 100 invalid, 1 in 100 a duplicate name), starts an
 * import of each, and runs it in a worker process of its own (scripts/bench/import-worker.ts,
 * the job's code). Prints, per file, the time, rows/s and the worker's peak RSS (sampled every
 * 50 ms), and writes the "import" section of docs/benchmarks.md. Memory is flat when the peak
 * RSS of the 100,000-row run is close to the 10,000-row one: rows are streamed and written in
 * batches, never held together.
 *
 * Options (env): BENCH_DB_PORT (embedded database, 54400), BENCH_STRIPE_PORT (12400; nothing is
 * started there, the worker only needs the settings), BENCH_IMPORT_ROWS (comma-separated sizes,
 * "10000,100000"), BENCH_NO_WRITE=1 (do not write docs/benchmarks.md).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate, openDatabase, ROOT } from "../tools/database";
import { describeMachine } from "../tools/bench/machine";
import { writeBenchmarksDoc } from "../tools/bench/report";
import { emulatorEnv } from "../tools/local-stripe";
import { runScript } from "../tools/run-script";
import { allowServerOnlyOutsideNext } from "../tools/server-only-outside-next";

allowServerOnlyOutsideNext();

const storageDir = mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
const sizes = (process.env.BENCH_IMPORT_ROWS ?? "10000,100000").split(",").map(Number);
const stripePort = Number(process.env.BENCH_STRIPE_PORT ?? 12400);
let databaseUrl: string | undefined;

interface Run {
  rows: number;
  ms: number;
  peakRssBytes: number;
  startRssBytes: number;
  result: { status?: string; created?: number; skipped?: number; failed?: number };
}

/** The CSV of `rows` projects: every 100th row has no name, every 100th (offset 50) repeats one. */
function csvOf(rows: number, prefix: string): string {
  const lines = ["name,description"];
  for (let i = 0; i < rows; i++) {
    if (i % 100 === 99) lines.push(`,"row ${i} has no name"`);
    else if (i % 100 === 50) lines.push(`${prefix} ${i - 1},duplicate of the row before`);
    else lines.push(`${prefix} ${i},"Imported project ${i}, with a description"`);
  }
  return `${lines.join("\n")}\n`;
}

/** Runs the worker on `importId`; resolves with its JSON line. */
function runWorker(importId: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(ROOT, "node_modules/.bin/tsx"),
      ["scripts/bench/import-worker.ts", importId],
      { cwd: ROOT, env, stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as Run);
      else reject(new Error(`the import worker exited with ${code}: ${out.slice(-500)}`));
    });
  });
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const n = (x: number) => Math.round(x).toLocaleString("en-US");

runScript(
  async () => {
    if (!process.env.DATABASE_URL) {
      process.env.EMBEDDED_DB_DIR = "memory://";
      process.env.EMBEDDED_DB_PORT = process.env.BENCH_DB_PORT ?? "54400";
    }
    const database = await openDatabase();
    databaseUrl = database.url;
    await migrate(database);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...emulatorEnv(stripePort),
      DATABASE_URL: database.url,
      STORAGE_DRIVER: "local",
      STORAGE_LOCAL_DIR: storageDir,
      NODE_ENV: "development",
    };
    Object.assign(process.env, env);
    const { db } = await import("../src/server/db");
    const { getStorage } = await import("../src/server/storage");
    const runs: Run[] = [];
    try {
      for (const [index, rows] of sizes.entries()) {
        const stamp = `${Date.now()}-${index}`;
        const user = await db.user.create({
          // Never signs in: the hash matches no password.
          data: { name: "Bench", email: `bench-import-${stamp}@example.com`, passwordHash: "!" },
        });
        const workspace = await db.workspace.create({
          data: {
            name: "Import bench",
            slug: `import-bench-${stamp}`,
            memberships: { create: { userId: user.id, role: "owner" } },
            // The Team plan: no project limit.
            subscription: {
              create: {
                stripeSubscriptionId: `sub_bench_${stamp}`,
                stripeCustomerId: `cus_bench_${stamp}`,
                status: "active",
                planSlug: "team",
                stripePriceId: "price_team_monthly",
                interval: "month",
                quantity: 1,
                currentPeriodEnd: new Date(Date.now() + 30 * 86_400_000),
                stripeCreatedAt: new Date(),
              },
            },
          },
        });
        const body = Buffer.from(csvOf(rows, `Bench ${index}`), "utf8");
        const storageKey = `w/${workspace.id}/imports/bench-${stamp}.csv`;
        await getStorage().put(storageKey, body, { contentType: "text/csv" });
        const created = await db.projectImport.create({
          data: {
            workspaceId: workspace.id,
            createdById: user.id,
            status: "pending",
            fileName: `bench-${rows}.csv`,
            size: body.length,
            storageKey,
            delimiter: ",",
            mapping: { name: "name", description: "description" },
          },
        });
        console.log(`▸ importing ${n(rows)} rows (${mib(body.length)} file)`);
        const run = await runWorker(created.id, env);
        runs.push(run);
        console.log(
          `  ✓ ${run.result.status}: ${n(run.result.created ?? 0)} created, ` +
            `${n(run.result.skipped ?? 0)} skipped, ${n(run.result.failed ?? 0)} failed in ` +
            `${(run.ms / 1000).toFixed(1)} s: ${n((run.rows / run.ms) * 1000)} rows/s, worker peak RSS ` +
            `${mib(run.peakRssBytes)} (${mib(run.startRssBytes)} before the import)`,
        );
      }
    } finally {
      await db.$disconnect();
    }
    if (process.env.BENCH_NO_WRITE !== "1") {
      const m = describeMachine();
      const machine = `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, load average ${m.loadAverage} at the end (a shared, loaded machine: figures are indicative)`;
      const table = [
        "| Rows | Created / skipped / failed | Time (s) | Rows/s | Worker RSS before → peak |",
        "| ---: | --- | ---: | ---: | --- |",
        ...runs.map(
          (r) =>
            `| ${n(r.rows)} | ${n(r.result.created ?? 0)} / ${n(r.result.skipped ?? 0)} / ` +
            `${n(r.result.failed ?? 0)} | ${(r.ms / 1000).toFixed(1)} | ${n((r.rows / r.ms) * 1000)} | ` +
            `${mib(r.startRssBytes)} → ${mib(r.peakRssBytes)} |`,
        ),
      ].join("\n");
      const section = [
        "## CSV import of projects (`npm run bench:import`)",
        "",
        `${database.embedded ? "Embedded PGlite in memory" : "PostgreSQL (`DATABASE_URL`)"}, local storage; ` +
          `${machine}; ${new Date().toISOString().slice(0, 10)}. The import job's code in a worker ` +
          "process of its own, batches of 500 rows; 1 row in 100 invalid (no name) and 1 in 100 a " +
          "duplicate name. Memory is flat when the peak RSS hardly grows with the row count.",
        "",
        table,
      ].join("\n");
      await writeBenchmarksDoc(path.join(ROOT, "docs", "benchmarks.md"), "import", section);
      console.log("  ✓ wrote the import section of docs/benchmarks.md");
    }
    await database.close();
    rmSync(storageDir, { recursive: true, force: true });
  },
  () => databaseUrl,
);
