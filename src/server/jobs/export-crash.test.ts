/**
 * A worker process killed (SIGKILL) in the middle of an export: pg-boss notices the lost heartbeat
 * of its job, retries it, a second worker process builds the export from scratch, and the export
 * ends done exactly once, with every row. Real processes (`scripts/worker.ts`, as `npm run worker`
 * starts it) on the test database.
 *
 * Timing (~45 s): the job's heartbeat is 30 s, so pg-boss sees the killed worker's job as lost
 * 15-30 s after the kill (its last heartbeat was at most 15 s before), then waits the first retry
 * delay (5-10 s). Workers look for lost jobs on their supervision pass, every 60 s; here the test
 * runs pg-boss's own `supervise()` every second instead (with a 1 s monitor interval), so the
 * retry starts as soon as the heartbeat is overdue, not up to a minute later. Nothing in the job
 * or its queue settings is changed for the test.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { PgBoss } from "pg-boss";
import { afterEach, expect, it } from "vitest";
import { db } from "@/server/db";
import { BOSS_SCHEMA } from "@/server/jobs/queue";
import { requestExport } from "@/server/services/exports";
import { findWorkspaceScope } from "@/server/services/workspaces";
import { givePlan } from "@/test/plans";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { callerWith, requestHeaders, signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

const ROOT = path.resolve(import.meta.dirname, "../../..");
const PROJECTS = 5_000;

const children = new Set<ChildProcess>();
let supervisor: PgBoss | undefined;

afterEach(async () => {
  for (const child of children) await stop(child, "SIGTERM");
  children.clear();
  await supervisor?.stop({ graceful: false });
  supervisor = undefined;
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS export_done_log ON "Export"`);
  await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS export_done_log()`);
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS export_done_log`);
});

/**
 * Starts `npm run worker`'s command on the test database, in a process group of its own: tsx runs
 * the script in a child node process, and a SIGKILL must reach that one too.
 */
function startWorker(): ChildProcess {
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/worker.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "test",
      DATABASE_URL: process.env.DATABASE_URL,
      STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: process.env.STRIPE_WEBHOOK_SECRET,
      STRIPE_API_BASE: process.env.STRIPE_API_BASE,
      MAIL_TRANSPORT: "outbox",
      JOBS_POLL_INTERVAL_SECONDS: "0.5",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const prefix = `[worker ${child.pid}]`;
  child.stdout?.on("data", (chunk: Buffer) => process.stdout.write(`${prefix} ${chunk}`));
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`${prefix} ${chunk}`));
  children.add(child);
  return child;
}

/** Sends `signal` to `child`'s process group and waits for `child` to exit. */
async function stop(child: ChildProcess, signal: NodeJS.Signals) {
  children.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid!, signal);
  await exited;
}

/** Polls `check` every `everyMs` until it returns a value, or throws after `timeoutMs`. */
async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | undefined>,
  { timeoutMs, everyMs }: { timeoutMs: number; everyMs: number },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

it("finishes, exactly once and complete, an export whose worker was killed mid-way", async () => {
  const { user, token } = await signedInUser("ada@example.com");
  const { caller } = await callerWith(requestHeaders(token));
  await caller.workspace.create({ name: "Acme", slug: "acme" });
  const scope = (await findWorkspaceScope(user.id, "acme"))!;
  const { workspace } = scope;
  await givePlan(workspace.id, "pro");
  await db.project.createMany({
    data: Array.from({ length: PROJECTS }, (_, i) => ({
      workspaceId: workspace.id,
      name: `Project ${i}, "quoted"`,
      description: "x".repeat(200),
    })),
  });
  // Every time an export becomes done, a row here: "exactly once" is read from the database.
  await db.$executeRawUnsafe(
    `CREATE TABLE export_done_log (id text, at timestamptz DEFAULT now())`,
  );
  await db.$executeRawUnsafe(`CREATE FUNCTION export_done_log() RETURNS trigger AS $$
    BEGIN INSERT INTO export_done_log (id) VALUES (NEW.id); RETURN NEW; END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(`CREATE TRIGGER export_done_log AFTER UPDATE ON "Export"
    FOR EACH ROW WHEN (NEW.status = 'done' AND OLD.status <> 'done')
    EXECUTE FUNCTION export_done_log()`);

  const started = await requestExport(scope);
  const { jobId } = await db.export.findUniqueOrThrow({ where: { id: started.id } });

  const first = startWorker();
  const processing = await waitFor(
    "the first worker to be part-way through the export",
    () =>
      db.export.findFirst({ where: { id: started.id, status: "processing", progress: { gt: 0 } } }),
    { timeoutMs: 60_000, everyMs: 20 },
  );
  await stop(first, "SIGKILL");
  const atKill = await db.export.findUniqueOrThrow({ where: { id: started.id } });
  expect(atKill.status).toBe("processing");
  expect(atKill.progress).toBeGreaterThan(0); // some pages read…
  expect(atKill.progress).toBeLessThan(100); // …not all
  expect(atKill.startedAt).toEqual(processing.startedAt);

  const second = startWorker();
  supervisor = new PgBoss({
    connectionString: process.env.DATABASE_URL!,
    schema: BOSS_SCHEMA,
    max: 2,
    supervise: false,
    schedule: false,
    monitorIntervalSeconds: 1,
  });
  supervisor.on("error", (error) => console.error(`supervisor: ${error.message}`));
  await supervisor.start();
  const done = await waitFor(
    "the second worker to finish the export",
    async () => {
      await supervisor!.supervise("export-workspace");
      return db.export.findFirst({ where: { id: started.id, status: "done" } });
    },
    { timeoutMs: 90_000, everyMs: 1_000 },
  );
  await stop(second, "SIGTERM");

  const entries = await db.auditLog.count({ where: { workspaceId: workspace.id } });
  expect(done.progress).toBe(100);
  expect(done.rowCount).toBe(PROJECTS + entries);
  // Rebuilt from scratch by the retry, not continued from the killed attempt.
  expect(done.startedAt!.getTime()).toBeGreaterThan(atKill.startedAt!.getTime());
  const rows = parse(done.content!, { columns: true }) as { id: string; section: string }[];
  expect(rows).toHaveLength(PROJECTS + entries);
  expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  expect(rows.filter((r) => r.section === "project")).toHaveLength(PROJECTS);

  const log = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM export_done_log`);
  expect(log).toEqual([{ id: started.id }]);
  const job = await supervisor.getJobById("export-workspace", jobId!);
  expect(job).toMatchObject({ state: "completed", retryCount: 1 });
  expect(job?.output).toEqual({ rowCount: PROJECTS + entries });
}, 180_000);
