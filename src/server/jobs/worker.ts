/**
 * The worker: runs every job definition's handler from its pg-boss queue and registers the
 * scheduled ones. Run as its own process (`npm run worker`, as many copies as you like: pg-boss
 * hands each job to one of them) and inside `npm run dev`. `stop()` is graceful: it stops fetching,
 * waits for running jobs (up to 30 s), then closes.
 */
import "server-only";
import type { Job, PgBoss } from "pg-boss";
import { z } from "zod";
import { jobs } from "@/server/jobs";
import { startBoss } from "@/server/jobs/queue";
import { reportServerError } from "@/server/error-reporting";
import { logger } from "@/server/log";
import type { JobDefinition } from "@/server/jobs/types";

export interface WorkerOptions {
  /** How often an idle worker polls its queues, in seconds (≥ 0.5). Default 2. */
  pollingIntervalSeconds?: number;
  /** The jobs to run; default every job of `src/server/jobs/index.ts`. */
  definitions?: readonly JobDefinition<never>[];
}

/**
 * Runs `definition` on one job: the payload is checked against the schema first. A payload that
 * no longer matches (e.g. queued by an older release) is not retried: the job completes with
 * `{ rejected: <reason> }`, visible in the admin console. Returns the job's output.
 */
export async function runJob(definition: JobDefinition<never>, job: Job<unknown>): Promise<object> {
  const parsed = (definition.schema as z.ZodType).safeParse(job.data);
  if (!parsed.success) {
    const reason = `payload does not match the ${definition.name} schema: ${z.prettifyError(parsed.error)}`;
    logger.warn({ job: definition.name, jobId: job.id, reason }, "job rejected");
    return { rejected: reason };
  }
  return (await definition.handle(parsed.data as never, job)) ?? {};
}

/**
 * {@link runJob}, with a failure reported (src/server/error-reporting.ts: job name and id, never
 * the payload) before pg-boss records it and retries the job.
 */
async function runReported(definition: JobDefinition<never>, job: Job<unknown>): Promise<object> {
  try {
    return await runJob(definition, job);
  } catch (error) {
    reportServerError(error, "job", { context: { job: definition.name, jobId: job.id } });
    throw error;
  }
}

export async function startWorker(
  options: WorkerOptions = {},
): Promise<{ boss: PgBoss; stop(): Promise<void> }> {
  const definitions = options.definitions ?? (Object.values(jobs) as JobDefinition<never>[]);
  const boss = await startBoss({ supervise: true, schedule: true });
  for (const definition of definitions) {
    if (!(await boss.getQueue(definition.name))) {
      await boss.createQueue(definition.name, definition.queue);
    }
    await boss.work(
      definition.name,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 },
      async ([job]) => (job ? runReported(definition, job) : {}),
    );
    if (definition.cron) await boss.schedule(definition.name, definition.cron, {}, { tz: "UTC" });
  }
  return { boss, stop: () => boss.stop({ graceful: true, timeout: 30_000 }) };
}
