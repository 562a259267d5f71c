/**
 * The admin console's procedures (`/admin`): every one is an `adminProcedure` (anonymous →
 * UNAUTHORIZED, signed in but not staff → NOT_FOUND). Services: src/server/services/admin/.
 */
import "server-only";
import {
  adminListAuditLogInput,
  adminListJobsInput,
  adminListStripeEventsInput,
  adminRetryJobInput,
  adminSearchUsersInput,
  adminSearchWorkspacesInput,
  adminStripeEventIdInput,
  adminUserIdInput,
  adminWorkspaceIdInput,
} from "@/schemas/admin";
import { adminProcedure } from "@/server/api/admin";
import { createTRPCRouter } from "@/server/api/init";
import { listAuditLog } from "@/server/services/admin/audit-log";
import { listJobs, retryJob } from "@/server/services/admin/jobs";
import {
  getStripeEvent,
  listStripeEvents,
  replayStripeEvent,
} from "@/server/services/admin/stripe-events";
import {
  disableUser,
  enableUser,
  getUser,
  searchUsers,
  signOutEverywhere,
} from "@/server/services/admin/users";
import { getWorkspace, searchWorkspaces } from "@/server/services/admin/workspaces";

/** Users: search, details, disable, enable, sign out everywhere. */
const usersRouter = createTRPCRouter({
  /** One page of users, newest first; `q` matches email or name literally. */
  list: adminProcedure.input(adminSearchUsersInput).query(({ input }) => searchUsers(input)),

  /** A user with memberships and active session count. NOT_FOUND for an unknown id. */
  get: adminProcedure.input(adminUserIdInput).query(({ input }) => getUser(input.userId)),

  /** Disables a user and signs them out everywhere. CONFLICT for yourself. */
  disable: adminProcedure
    .input(adminUserIdInput)
    .mutation(({ ctx, input }) => disableUser(ctx.adminId, input.userId)),

  /** Enables a disabled user again. */
  enable: adminProcedure
    .input(adminUserIdInput)
    .mutation(({ ctx, input }) => enableUser(ctx.adminId, input.userId)),

  /** Deletes every session of the user. */
  signOut: adminProcedure
    .input(adminUserIdInput)
    .mutation(({ ctx, input }) => signOutEverywhere(ctx.adminId, input.userId)),
});

/** Workspaces: search and details. */
const workspacesRouter = createTRPCRouter({
  /** One page of workspaces, newest first; `q` matches name or slug literally. */
  list: adminProcedure
    .input(adminSearchWorkspacesInput)
    .query(({ input }) => searchWorkspaces(input)),

  /** A workspace with members, plan, subscription and project count. */
  get: adminProcedure
    .input(adminWorkspaceIdInput)
    .query(({ input }) => getWorkspace(input.workspaceId)),
});

/** The Stripe webhook inbox. */
const stripeEventsRouter = createTRPCRouter({
  /** One page of the webhook inbox, newest first, optionally of one status. */
  list: adminProcedure
    .input(adminListStripeEventsInput)
    .query(({ input }) => listStripeEvents(input)),

  /** One stored event with its payload. */
  get: adminProcedure
    .input(adminStripeEventIdInput)
    .query(({ input }) => getStripeEvent(input.eventId)),

  /** Re-runs a stored event's handler; `{ outcome, lastError }`. CONFLICT while it is being handled. */
  replay: adminProcedure
    .input(adminStripeEventIdInput)
    .mutation(({ ctx, input }) => replayStripeEvent(ctx.adminId, input.eventId)),
});

/** Background jobs (pg-boss). */
const jobsRouter = createTRPCRouter({
  /** Up to 100 jobs, failed first; filters by queue and state. */
  list: adminProcedure.input(adminListJobsInput).query(({ input }) => listJobs(input)),

  /** Retries a failed job. CONFLICT "Only a failed job can be retried." otherwise. */
  retry: adminProcedure
    .input(adminRetryJobInput)
    .mutation(({ ctx, input }) => retryJob(ctx.adminId, input.queue, input.jobId)),
});

/** The audit log across workspaces. */
const auditLogRouter = createTRPCRouter({
  /** One page of the audit log across workspaces, newest first. */
  list: adminProcedure.input(adminListAuditLogInput).query(({ input }) => listAuditLog(input)),
});

/** The admin console: one router per area (nouns), procedures are verbs (`admin.users.list`). */
export const adminRouter = createTRPCRouter({
  users: usersRouter,
  workspaces: workspacesRouter,
  stripeEvents: stripeEventsRouter,
  jobs: jobsRouter,
  auditLog: auditLogRouter,
});
