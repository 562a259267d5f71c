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

export const adminRouter = createTRPCRouter({
  /** One page of users, newest first; `q` matches email or name literally. */
  users: adminProcedure.input(adminSearchUsersInput).query(({ input }) => searchUsers(input)),

  /** A user with memberships and active session count. NOT_FOUND for an unknown id. */
  user: adminProcedure.input(adminUserIdInput).query(({ input }) => getUser(input.userId)),

  /** Disables a user and signs them out everywhere. CONFLICT for yourself. */
  disableUser: adminProcedure
    .input(adminUserIdInput)
    .mutation(({ ctx, input }) => disableUser(ctx.adminId, input.userId)),

  enableUser: adminProcedure
    .input(adminUserIdInput)
    .mutation(({ ctx, input }) => enableUser(ctx.adminId, input.userId)),

  /** Deletes every session of the user. */
  signOutUser: adminProcedure
    .input(adminUserIdInput)
    .mutation(({ ctx, input }) => signOutEverywhere(ctx.adminId, input.userId)),

  /** One page of workspaces, newest first; `q` matches name or slug literally. */
  workspaces: adminProcedure
    .input(adminSearchWorkspacesInput)
    .query(({ input }) => searchWorkspaces(input)),

  /** A workspace with members, plan, subscription and project count. */
  workspace: adminProcedure
    .input(adminWorkspaceIdInput)
    .query(({ input }) => getWorkspace(input.workspaceId)),

  /** One page of the webhook inbox, newest first, optionally of one status. */
  stripeEvents: adminProcedure
    .input(adminListStripeEventsInput)
    .query(({ input }) => listStripeEvents(input)),

  /** One stored event with its payload. */
  stripeEvent: adminProcedure
    .input(adminStripeEventIdInput)
    .query(({ input }) => getStripeEvent(input.eventId)),

  /** Re-runs a stored event's handler; `{ outcome, lastError }`. CONFLICT while it is being handled. */
  replayStripeEvent: adminProcedure
    .input(adminStripeEventIdInput)
    .mutation(({ ctx, input }) => replayStripeEvent(ctx.adminId, input.eventId)),

  /** Up to 100 jobs, failed first; filters by queue and state. */
  jobs: adminProcedure.input(adminListJobsInput).query(({ input }) => listJobs(input)),

  /** Retries a failed job. CONFLICT "Only a failed job can be retried." otherwise. */
  retryJob: adminProcedure
    .input(adminRetryJobInput)
    .mutation(({ ctx, input }) => retryJob(ctx.adminId, input.queue, input.jobId)),

  /** One page of the audit log across workspaces, newest first. */
  auditLog: adminProcedure.input(adminListAuditLogInput).query(({ input }) => listAuditLog(input)),
});
