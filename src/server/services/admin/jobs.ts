/**
 * Admin console, background jobs (pg-boss 12, schema `pgboss`): list and retry. Callers are
 * checked by `adminProcedure` (src/server/api/admin.ts); these functions trust their `adminId`. Every change is audited (`admin.<verb>`, actor = the admin) in the transaction
 * of the change.
 */
import "server-only";
import type { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { adminListJobsInput } from "@/schemas/admin";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { jobs } from "@/server/jobs";
import { BOSS_SCHEMA, getBoss } from "@/server/jobs/queue";
import { recordAudit } from "@/server/audit/log";

type JobsInput = z.output<typeof adminListJobsInput>;

/** The queues the console knows: the keys of `jobs` (src/server/jobs/index.ts). */
export const jobQueues = Object.keys(jobs);

/** Most jobs {@link listJobs} returns. */
export const JOB_LIST_MAX = 100;

/** One job as the console shows it. */
export interface AdminJob {
  id: string;
  queue: string;
  state: string;
  /** Attempts started so far: 0 until a worker first takes the job. */
  attempts: number;
  /** Most attempts it gets: the first plus `retryLimit` retries (an admin's retry adds one). */
  maxAttempts: number;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  /** Why the last attempt failed (failed and retry states), from the job's output. */
  error: string | null;
}

interface JobRow {
  id: string;
  name: string;
  state: string;
  retry_count: number;
  retry_limit: number;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
  output: unknown;
}

/** The error text of a failed job's output: `{ message }` (pg-boss stores the thrown error). */
function jobError(state: string, output: unknown): string | null {
  if ((state !== "failed" && state !== "retry") || output == null) return null;
  if (typeof output === "object" && !Array.isArray(output)) {
    const message = (output as Record<string, unknown>).message;
    if (typeof message === "string" && message !== "") return message.slice(0, 1000);
  }
  return JSON.stringify(output).slice(0, 1000);
}

/**
 * What pg-boss 12's columns say about attempts. `retry_count` is not "attempts made": the first
 * claim leaves it at 0 and each later claim adds 1 (`fetchNextJob`: `retry_count + 1` only when
 * `started_on` is already set), so a job that completed on its first try reads 0. `started_on` is
 * null until the first claim. `retry_limit` counts retries, so the most attempts is one more.
 */
export function attemptsOf(row: {
  retry_count: number;
  retry_limit: number;
  started_on: Date | null;
}): { attempts: number; maxAttempts: number } {
  return {
    attempts: row.started_on ? Number(row.retry_count) + 1 : 0,
    maxAttempts: Number(row.retry_limit) + 1,
  };
}

function assertQueue(queue: string): void {
  if (!jobQueues.includes(queue)) {
    throw new DomainError("BAD_REQUEST", `Queue must be one of ${jobQueues.join(", ")}.`, "queue");
  }
}

/**
 * Jobs of every queue (or `queue`), optionally in one `state`: failed ones first, then newest
 * first, at most {@link JOB_LIST_MAX}. pg-boss 12's `findJobs` filters by id, key or data but not
 * by state, and lists oldest first, so this reads the `pgboss.job` table directly (the columns the
 * console shows, nothing else).
 * @throws DomainError BAD_REQUEST on "queue" for a queue that is not one of `jobs`.
 */
export async function listJobs(input: JobsInput): Promise<{ items: AdminJob[]; queues: string[] }> {
  if (input.queue) assertQueue(input.queue);
  await getBoss(); // creates the pgboss schema and the queues on first use
  const table = Prisma.raw(`"${BOSS_SCHEMA}"."job"`);
  const rows = await db.$queryRaw<JobRow[]>`
    SELECT id::text AS id, name, state::text AS state, retry_count, retry_limit,
           created_on, started_on, completed_on, output
    FROM ${table}
    WHERE (${input.queue ?? null}::text IS NULL OR name = ${input.queue ?? null}::text)
      AND (${input.state ?? null}::text IS NULL OR state::text = ${input.state ?? null}::text)
    ORDER BY (state::text = 'failed') DESC, created_on DESC, id DESC
    LIMIT ${JOB_LIST_MAX}`;
  return {
    queues: jobQueues,
    items: rows.map((row) => ({
      id: row.id,
      queue: row.name,
      state: row.state,
      ...attemptsOf(row),
      createdOn: row.created_on,
      startedOn: row.started_on,
      completedOn: row.completed_on,
      error: jobError(row.state, row.output),
    })),
  };
}

const ONLY_FAILED = "Only a failed job can be retried.";

/**
 * Retries the failed job `jobId` of `queue` (pg-boss `retry`: it is queued again with one more
 * attempt). Audited `admin.job_retried`. A job in any other state is refused with CONFLICT, and
 * the refusal is recorded too (`admin.job_retry_refused`, with the job's state and the reason).
 * @throws DomainError BAD_REQUEST on "queue" for an unknown queue; NOT_FOUND for an unknown job;
 *   CONFLICT "Only a failed job can be retried." for a job that is not failed.
 */
export async function retryJob(adminId: string, queue: string, jobId: string) {
  assertQueue(queue);
  const boss = await getBoss();
  const [job] = await boss.findJobs(queue, { id: jobId });
  if (!job) throw new DomainError("NOT_FOUND", "No job has this id in this queue.");
  const target = { queue, jobId };
  // pg-boss retries only a failed job (`state = 'failed'` in its UPDATE): 0 affected otherwise,
  // e.g. when it changed between the read above and now. Its typings declare the response `{}`;
  // at run time it is `{ jobs, requested, affected }`.
  const retried =
    job.state === "failed" &&
    ((await boss.retry(queue, jobId)) as { affected?: number }).affected === 1;
  if (!retried) {
    await db.$transaction((tx) =>
      recordAudit(tx, {
        workspaceId: null,
        actorId: adminId,
        action: "admin.job_retry_refused",
        targetId: jobId,
        metadata: { ...target, state: job.state, reason: ONLY_FAILED },
      }),
    );
    throw new DomainError("CONFLICT", ONLY_FAILED);
  }
  await db.$transaction((tx) =>
    recordAudit(tx, {
      workspaceId: null,
      actorId: adminId,
      action: "admin.job_retried",
      targetId: jobId,
      metadata: { ...target, retryCount: job.retryCount },
    }),
  );
  return { status: "queued" as const };
}
