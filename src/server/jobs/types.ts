/**
 * What a job is: a queue name, the zod schema of its payload, its retry policy and its handler.
 * One file per job in this folder; `index.ts` lists them for the worker.
 */
import type { Job, QueueOptions } from "pg-boss";
import type { z } from "zod";

export interface JobDefinition<T = unknown> {
  /** The pg-boss queue, e.g. "send-email". */
  name: string;
  /** The payload's schema: checked when a job is sent and again when it runs. */
  schema: z.ZodType<T>;
  /** Retries (count, delay in s, exponential backoff), expiry and heartbeat, per pg-boss. */
  queue: QueueOptions;
  /** A cron expression (UTC) when the job runs on a schedule, with an empty payload. */
  cron?: string;
  /** Does the work; throwing fails this attempt (retried per `queue`). Returns the job's output. */
  handle(data: T, job: Job<unknown>): Promise<object | void>;
}

/** Builds a definition with its payload type inferred from `schema`. */
export function defineJob<T>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}
