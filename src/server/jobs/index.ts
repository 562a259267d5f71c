/**
 * Every job the worker runs, by queue name. Adding a job: a file here with `defineJob(...)`, and a
 * line below.
 */
import "server-only";
import { billingReconcileJob } from "./billing-reconcile";
import { cleanupJob } from "./cleanup";
import { deleteFilesJob } from "./delete-files";
import { exportWorkspaceJob } from "./export-workspace";
import { processPictureJob } from "./process-picture";
import { importProjectsJob } from "./import-projects";
import { publishPostsJob } from "./publish-posts";
import { sendEmailJob } from "./send-email";

export const jobs = {
  "send-email": sendEmailJob,
  "billing-reconcile": billingReconcileJob,
  cleanup: cleanupJob,
  "export-workspace": exportWorkspaceJob,
  "process-picture": processPictureJob,
  "delete-files": deleteFilesJob,
  "import-projects": importProjectsJob,
  "publish-posts": publishPostsJob,
} as const;

export type JobName = keyof typeof jobs;
export type JobPayload<N extends JobName> = Parameters<(typeof jobs)[N]["handle"]>[0];
