/**
 * The job queue: pg-boss (https://pgboss.io) on the app's own PostgreSQL, in the `pgboss` schema,
 * so jobs survive restarts and every app instance and worker shares them. The app only sends;
 * workers (src/server/jobs/worker.ts) run the handlers.
 *
 * Traces: pg-boss makes its own OpenTelemetry spans (`send <queue>` where a job is sent,
 * `process <queue>` around its handler; https://pgboss.io/opentelemetry), no-ops until an SDK is
 * started (src/server/telemetry/sdk.ts). With `propagateContext` it stores the sender's W3C
 * `traceparent` on the job (its own column, not the payload), so the `process` span is a child of
 * the `send` span: a job shows up inside the request that enqueued it. With tracing off nothing is
 * stored.
 */
import "server-only";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { PgBoss, type SendOptions } from "pg-boss";
import type { z } from "zod";
import { env } from "@/env";
import { jobs, type JobName, type JobPayload } from "@/server/jobs";

const globalForBoss = globalThis as typeof globalThis & { boss?: Promise<PgBoss> };

/** The schema pg-boss keeps its tables in. */
export const BOSS_SCHEMA = "pgboss";

/**
 * A started pg-boss that creates its schema and the queues of every job definition (idempotent).
 * `options` are for workers: maintenance and scheduling run only where asked.
 */
export async function startBoss(options: { supervise?: boolean; schedule?: boolean } = {}) {
  const boss = new PgBoss({
    connectionString: env.DATABASE_URL,
    schema: BOSS_SCHEMA,
    max: 4,
    supervise: options.supervise ?? false,
    schedule: options.schedule ?? false,
    migrate: true,
    // Trace ids only (W3C Trace Context), never baggage.
    openTelemetry: { propagateContext: true, propagator: new W3CTraceContextPropagator() },
  });
  boss.on("error", (error) => console.error(`pg-boss: ${error.message}`));
  await boss.start();
  for (const job of Object.values(jobs)) {
    if (!(await boss.getQueue(job.name))) await boss.createQueue(job.name, job.queue);
    else await boss.updateQueue(job.name, job.queue);
  }
  return boss;
}

/** This process's sending pg-boss, started on first use. */
export function getBoss(): Promise<PgBoss> {
  globalForBoss.boss ??= startBoss().catch((error: unknown) => {
    globalForBoss.boss = undefined;
    throw error;
  });
  return globalForBoss.boss;
}

/**
 * Sends a job to queue `name`, its payload checked against the job's schema first (a bad payload
 * throws here, in the code that made it, rather than failing later in a worker). Returns the id.
 */
export async function enqueue<N extends JobName>(
  name: N,
  data: JobPayload<N>,
  options?: SendOptions,
): Promise<string> {
  const payload = (jobs[name].schema as z.ZodType<JobPayload<N>>).parse(data);
  const id = await (await getBoss()).send(name, payload as object, options ?? {});
  if (!id) throw new Error(`pg-boss did not accept a ${name} job.`);
  return id;
}
