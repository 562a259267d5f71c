/**
 * Every job the worker runs, by queue name. Adding a job: a file here with `defineJob(...)`, and a
 * line below.
 */
import "server-only";
import { billingReconcileJob } from "./billing-reconcile";
import { cleanupJob } from "./cleanup";
import { exportWorkspaceJob } from "./export-workspace";
import { publishPostsJob } from "./publish-posts";
import { sendEmailJob } from "./send-email";

export const jobs = {
  "send-email": sendEmailJob,
  "billing-reconcile": billingReconcileJob,
  cleanup: cleanupJob,
  "export-workspace": exportWorkspaceJob,
  "publish-posts": publishPostsJob,
} as const;

export type JobName = keyof typeof jobs;
export type JobPayload<N extends JobName> = Parameters<(typeof jobs)[N]["handle"]>[0];
