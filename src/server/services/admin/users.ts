/**
 * The admin console (`/admin`, staff only: `User.isAdmin`, granted by `npm run admin:grant`):
 * users, workspaces, the Stripe webhook inbox, the job queue and the audit log, across every
 * workspace. Callers are checked by `adminProcedure` (src/server/api/admin.ts); these functions
 * trust their `adminId`. Every change is audited (`admin.<verb>`, actor = the admin) in the
 * transaction of the change; lists are keyset (cursor) paginated on (time desc, id desc).
 */
import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type {
  adminListAuditLogInput,
  adminListJobsInput,
  adminListStripeEventsInput,
  adminSearchUsersInput,
} from "@/schemas/admin";
import { effectivePlan } from "@/server/billing/entitlements";
import { replayEvent, type InboxOutcome } from "@/server/billing/inbox";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import {
  cursorDate,
  decodeCursor,
  encodeCursor,
  keysetAfter,
  likeLiteral,
} from "@/server/pagination";
import { jobs } from "@/server/jobs";
import { BOSS_SCHEMA, getBoss } from "@/server/jobs/queue";
import { recordAudit } from "@/server/services/audit";

type SearchInput = Pick<z.output<typeof adminSearchUsersInput>, "q" | "cursor" | "limit">;
type StripeEventsInput = Pick<
  z.output<typeof adminListStripeEventsInput>,
  "status" | "cursor" | "limit"
>;
type JobsInput = z.output<typeof adminListJobsInput>;
type AuditInput = Omit<z.output<typeof adminListAuditLogInput>, "direction">;

/** A page of rows and the cursor of the next one (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// ---------------------------------------------------------------------------------------------
// Cursors: the last row's time (ISO) and id, base64url JSON. Opaque to clients.

const cursorSchema = z.strictObject({ t: z.iso.datetime(), id: z.string().min(1).max(255) });

/** The keyset condition "after the cursor's row" in (field desc, id desc). */
function afterCursor<W>(cursor: string, field: string): W {
  const decoded = decodeCursor(cursor, cursorSchema);
  return keysetAfter(field, cursorDate(decoded.t), decoded.id) as W;
}

/** Splits `rows` (fetched with `limit + 1`) into a page. */
function pageOf<T extends { id: string }>(
  rows: T[],
  limit: number,
  timeOf: (row: T) => Date,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ t: timeOf(last).toISOString(), id: last.id })
        : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Users

const userSummaryFields = {
  id: true,
  email: true,
  name: true,
  isAdmin: true,
  disabledAt: true,
  emailVerifiedAt: true,
  createdAt: true,
} as const;

/**
 * One page of users, newest first: `q` matches email or name, case-insensitive, literally
 * (a `%` finds only a literal `%`).
 * @throws DomainError BAD_REQUEST on "cursor" for a tampered cursor.
 */
export async function searchUsers(input: SearchInput) {
  const and: Prisma.UserWhereInput[] = [];
  if (input.q) {
    const q = likeLiteral(input.q);
    and.push({
      OR: [
        { email: { contains: q, mode: "insensitive" } },
        { name: { contains: q, mode: "insensitive" } },
      ],
    });
  }
  if (input.cursor) and.push(afterCursor<Prisma.UserWhereInput>(input.cursor, "createdAt"));
  const rows = await db.user.findMany({
    where: { AND: and },
    select: userSummaryFields,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  return pageOf(rows, input.limit, (row) => row.createdAt);
}

const userNotFound = () => new DomainError("NOT_FOUND", "No user has this id.");

/**
 * A user's profile, admin and disabled flags, workspaces (with role) and how many unexpired
 * sessions they have.
 * @throws DomainError NOT_FOUND for an unknown id.
 */
export async function getUser(userId: string) {
  const now = new Date();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      ...userSummaryFields,
      updatedAt: true,
      memberships: {
        select: {
          role: true,
          createdAt: true,
          workspace: { select: { id: true, name: true, slug: true } },
        },
        orderBy: { createdAt: "asc" },
      },
      _count: {
        select: {
          sessions: { where: { expiresAt: { gt: now }, absoluteExpiresAt: { gt: now } } },
        },
      },
    },
  });
  if (!user) throw userNotFound();
  const { _count, ...rest } = user;
  return { ...rest, activeSessions: _count.sessions };
}

/**
 * Disables `userId`: sets `disabledAt` (kept when already set) and deletes every session, so they
 * are signed out at once and cannot sign in again until enabled. Audited `admin.user_disabled`.
 * @throws DomainError CONFLICT when an admin tries to disable themself; NOT_FOUND for an unknown id.
 */
export async function disableUser(adminId: string, userId: string) {
  if (adminId === userId) {
    throw new DomainError("CONFLICT", "You cannot disable your own account.");
  }
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, disabledAt: true },
    });
    if (!user) throw userNotFound();
    const disabledAt = user.disabledAt ?? new Date();
    await tx.user.update({ where: { id: userId }, data: { disabledAt } });
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      workspaceId: null,
      actorId: adminId,
      action: "admin.user_disabled",
      targetType: "user",
      targetId: userId,
      metadata: { email: user.email, sessionsRevoked: count },
    });
    return { status: "disabled" as const, disabledAt, sessionsRevoked: count };
  });
}

/**
 * Enables a disabled user again (they may sign in; their old sessions stay gone).
 * Audited `admin.user_enabled`.
 * @throws DomainError NOT_FOUND for an unknown id.
 */
export async function enableUser(adminId: string, userId: string) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, disabledAt: true },
    });
    if (!user) throw userNotFound();
    await tx.user.update({ where: { id: userId }, data: { disabledAt: null } });
    await recordAudit(tx, {
      workspaceId: null,
      actorId: adminId,
      action: "admin.user_enabled",
      targetType: "user",
      targetId: userId,
      metadata: { email: user.email, wasDisabled: user.disabledAt !== null },
    });
    return { status: "enabled" as const };
  });
}

/**
 * Signs `userId` out of every device (deletes all their sessions). Audited `admin.user_signed_out`.
 * @throws DomainError NOT_FOUND for an unknown id.
 */
export async function signOutEverywhere(adminId: string, userId: string) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true },
    });
    if (!user) throw userNotFound();
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      workspaceId: null,
      actorId: adminId,
      action: "admin.user_signed_out",
      targetType: "user",
      targetId: userId,
      metadata: { email: user.email, sessionsRevoked: count },
    });
    return { sessionsRevoked: count };
  });
}

// ---------------------------------------------------------------------------------------------
// Workspaces

/**
 * One page of workspaces, newest first: `q` matches name or slug, case-insensitive, literally.
 * @throws DomainError BAD_REQUEST on "cursor" for a tampered cursor.
 */
export async function searchWorkspaces(input: SearchInput) {
  const and: Prisma.WorkspaceWhereInput[] = [];
  if (input.q) {
    const q = likeLiteral(input.q);
    and.push({
      OR: [
        { name: { contains: q, mode: "insensitive" } },
        { slug: { contains: q, mode: "insensitive" } },
      ],
    });
  }
  if (input.cursor) and.push(afterCursor<Prisma.WorkspaceWhereInput>(input.cursor, "createdAt"));
  const rows = await db.workspace.findMany({
    where: { AND: and },
    select: {
      id: true,
      name: true,
      slug: true,
      createdAt: true,
      subscription: { select: { status: true, planSlug: true } },
      _count: { select: { memberships: true, projects: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const page = pageOf(rows, input.limit, (row) => row.createdAt);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ subscription, _count, ...workspace }) => ({
      ...workspace,
      plan: effectivePlan(subscription),
      members: _count.memberships,
      projects: _count.projects,
    })),
  };
}

/**
 * A workspace: its members with roles, its effective plan, its Subscription row (as last synced
 * from Stripe; null when never subscribed) and its project count.
 * @throws DomainError NOT_FOUND for an unknown id.
 */
export async function getWorkspace(workspaceId: string) {
  const workspace = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: {
      id: true,
      name: true,
      slug: true,
      stripeCustomerId: true,
      createdAt: true,
      updatedAt: true,
      subscription: true,
      memberships: {
        select: {
          role: true,
          createdAt: true,
          user: { select: { id: true, name: true, email: true, disabledAt: true } },
        },
        orderBy: { createdAt: "asc" },
      },
      _count: { select: { projects: true } },
    },
  });
  if (!workspace) throw new DomainError("NOT_FOUND", "No workspace has this id.");
  const { _count, memberships, ...rest } = workspace;
  return {
    ...rest,
    plan: effectivePlan(workspace.subscription),
    projectCount: _count.projects,
    members: memberships.map(({ user, role, createdAt }) => ({
      ...user,
      role,
      joinedAt: createdAt,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Stripe events (the webhook inbox, src/server/billing/inbox.ts)

const stripeEventFields = {
  id: true,
  type: true,
  status: true,
  attempts: true,
  lastError: true,
  receivedAt: true,
  stripeCreatedAt: true,
  processedAt: true,
} as const;

/**
 * One page of stored Stripe events, newest received first, optionally of one `status`.
 * @throws DomainError BAD_REQUEST on "cursor" for a tampered cursor.
 */
export async function listStripeEvents(input: StripeEventsInput) {
  const and: Prisma.StripeEventWhereInput[] = [];
  if (input.status) and.push({ status: input.status });
  if (input.cursor) {
    and.push(afterCursor<Prisma.StripeEventWhereInput>(input.cursor, "receivedAt"));
  }
  const rows = await db.stripeEvent.findMany({
    where: { AND: and },
    select: stripeEventFields,
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  return pageOf(rows, input.limit, (row) => row.receivedAt);
}

/**
 * One stored event with its payload (as Stripe sent it).
 * @throws DomainError NOT_FOUND for an unknown id.
 */
export async function getStripeEvent(eventId: string) {
  const event = await db.stripeEvent.findUnique({
    where: { id: eventId },
    select: { ...stripeEventFields, payload: true },
  });
  if (!event) throw new DomainError("NOT_FOUND", "No stored Stripe event has this id.");
  return event;
}

/**
 * Re-runs the stored event `eventId` through its handler (`replayEvent`, as
 * `npm run stripe:replay` does) and records `admin.stripe_event_replayed` with the outcome.
 * Any stored event may be replayed, including one already processed or ignored: handlers re-read
 * Stripe, so the replay converges on the same state; it runs again and is recorded with that
 * run's outcome ("processed" again, "ignored", or "failed" with the new `lastError`). The replay
 * calls Stripe, so it cannot share a transaction with its audit row: the row is written right
 * after, whatever the outcome.
 * @throws DomainError NOT_FOUND for an unknown id; CONFLICT while another run holds the event.
 */
export async function replayStripeEvent(
  adminId: string,
  eventId: string,
): Promise<{ outcome: InboxOutcome; lastError: string | null }> {
  const stored = await db.stripeEvent.findUnique({
    where: { id: eventId },
    select: { type: true, status: true },
  });
  if (!stored) throw new DomainError("NOT_FOUND", "No stored Stripe event has this id.");
  let outcome: InboxOutcome;
  try {
    outcome = await replayEvent(eventId);
  } catch (error) {
    if (error instanceof Error && /being handled right now/.test(error.message)) {
      throw new DomainError(
        "CONFLICT",
        "This event is being handled right now; try again shortly.",
      );
    }
    throw error;
  }
  const after = await db.stripeEvent.findUniqueOrThrow({
    where: { id: eventId },
    select: { lastError: true },
  });
  await db.$transaction((tx) =>
    recordAudit(tx, {
      workspaceId: null,
      actorId: adminId,
      action: "admin.stripe_event_replayed",
      targetId: eventId,
      metadata: {
        eventId,
        type: stored.type,
        previousStatus: stored.status,
        outcome,
        ...(after.lastError && { error: after.lastError }),
      },
    }),
  );
  return { outcome, lastError: after.lastError };
}

// ---------------------------------------------------------------------------------------------
// Jobs (pg-boss 12, schema `pgboss`)

/** The queues the console knows: the keys of `jobs` (src/server/jobs/index.ts). */
export const jobQueues = Object.keys(jobs);

/** Most jobs {@link listJobs} returns. */
export const JOB_LIST_MAX = 100;

/** One job as the console shows it. */
export interface AdminJob {
  id: string;
  queue: string;
  state: string;
  retryCount: number;
  retryLimit: number;
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
      retryCount: Number(row.retry_count),
      retryLimit: Number(row.retry_limit),
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

// ---------------------------------------------------------------------------------------------
// Audit log

/**
 * One page of the audit log across workspaces, newest first, filtered by workspace, actor and
 * action; with the actor's and the workspace's names (null once deleted).
 * @throws DomainError BAD_REQUEST on "cursor" for a tampered cursor.
 */
export async function listAuditLog(input: AuditInput) {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (input.workspaceId) and.push({ workspaceId: input.workspaceId });
  if (input.actorId) and.push({ actorId: input.actorId });
  if (input.action) and.push({ action: input.action });
  if (input.cursor) and.push(afterCursor<Prisma.AuditLogWhereInput>(input.cursor, "createdAt"));
  const rows = await db.auditLog.findMany({
    where: { AND: and },
    select: {
      id: true,
      action: true,
      targetType: true,
      targetId: true,
      metadata: true,
      createdAt: true,
      actor: { select: { id: true, name: true, email: true } },
      workspace: { select: { id: true, name: true, slug: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  return pageOf(rows, input.limit, (row) => row.createdAt);
}
