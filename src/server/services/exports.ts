/**
 * Exports: a CSV of a workspace's projects and activity log, built in the background by the
 * `export-workspace` job (src/server/jobs/export-workspace.ts) and downloaded from
 * `GET /api/exports/<id>`. A paid-plan feature (`csvExport`); one export runs at a time per
 * workspace; a failed one can be retried. Every query is scoped by the workspace id; requests and
 * retries are audited in the transaction that writes the export row, and the job is queued after
 * that commits (the worker must find the row).
 */
import "server-only";
import { assertFeature } from "@/server/billing/entitlements";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { enqueue, getBoss } from "@/server/jobs/queue";
import { recordAudit } from "@/server/audit/log";
import type { WorkspaceScope } from "@/server/services/workspaces";

/** What the list shows of an export (never its content). */
const exportFields = {
  id: true,
  status: true,
  /** 0 to 100. */
  progress: true,
  error: true,
  rowCount: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  requestedBy: { select: { id: true, name: true } },
} as const;

/** How many exports `listExports` returns. */
export const EXPORT_LIST_SIZE = 10;

const RUNNING = ["pending", "processing"] as const;

const alreadyRunning = () => new DomainError("CONFLICT", "An export is already running.");

/**
 * Marks failed the running exports of `workspaceId` whose job pg-boss has finished with, or no
 * longer has (e.g. its last attempt expired or lost its heartbeat, which the handler never sees):
 * otherwise such an export would show "Exporting…" forever and block new ones. An export whose job
 * is not queued yet (`jobId` null, between its commit and the enqueue) is left alone.
 */
async function failLostExports(workspaceId: string): Promise<void> {
  const running = await db.export.findMany({
    where: { workspaceId, status: { in: [...RUNNING] }, jobId: { not: null } },
    select: { id: true, jobId: true },
  });
  if (running.length === 0) return;
  const boss = await getBoss();
  for (const { id, jobId } of running) {
    const job = await boss.getJobById("export-workspace", jobId!);
    if (job && !["completed", "failed", "cancelled"].includes(job.state)) continue;
    await db.export.updateMany({
      where: { id, workspaceId, jobId, status: { in: [...RUNNING] } },
      data: {
        status: "failed",
        error: "The export stopped before it finished. Retry it.",
        finishedAt: new Date(),
      },
    });
  }
}

/** Queues the job of export `exportId` and stores its id; on failure marks the export failed. */
async function startJob(workspaceId: string, exportId: string) {
  let jobId: string;
  try {
    jobId = await enqueue("export-workspace", { exportId });
  } catch (error) {
    await db.export.updateMany({
      where: { id: exportId, workspaceId },
      data: {
        status: "failed",
        error: "The export could not be started. Retry it.",
        finishedAt: new Date(),
      },
    });
    throw error;
  }
  return db.export.update({
    where: { id: exportId, workspaceId },
    data: { jobId },
    select: exportFields,
  });
}

/**
 * Starts an export of the workspace's projects and activity log, built in the background. Audited
 * as "export.requested". Returns the export (status "pending") with `started: true`. Idempotent
 * while one runs: when an export of the workspace is pending or processing (a double click, two
 * tabs), that export is returned with `started: false`, and nothing is written or audited.
 * @throws EntitlementError (PAYMENT_REQUIRED) when the plan has no CSV export.
 */
export async function requestExport(scope: WorkspaceScope) {
  const workspaceId = scope.workspace.id;
  await assertFeature(workspaceId, "csvExport");
  await failLostExports(workspaceId);
  const created = await db.$transaction(async (tx) => {
    // Serialises concurrent requests of the workspace: only one can see "none running".
    await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
    const running = await tx.export.findFirst({
      where: { workspaceId, status: { in: [...RUNNING] } },
      select: { id: true },
    });
    if (running) return { id: running.id, started: false };
    const row = await tx.export.create({
      data: { workspaceId, requestedById: scope.actorId },
      select: { id: true },
    });
    await recordAudit(tx, {
      workspaceId,
      actorId: scope.actorId,
      action: "export.requested",
      targetType: "workspace",
      targetId: workspaceId,
      metadata: { exportId: row.id },
    });
    return { id: row.id, started: true };
  });
  if (!created.started) {
    const running = await db.export.findUniqueOrThrow({
      where: { id: created.id, workspaceId },
      select: exportFields,
    });
    return { ...running, started: false };
  }
  return { ...(await startJob(workspaceId, created.id)), started: true };
}

/**
 * The workspace's newest {@link EXPORT_LIST_SIZE} exports, newest first, without their content:
 * `{ id, status, progress (0-100), error, rowCount, createdAt, startedAt, finishedAt,
 * requestedBy }`. A running export whose job pg-boss has given up on is reported failed.
 */
export async function listExports(scope: WorkspaceScope) {
  try {
    await failLostExports(scope.workspace.id);
  } catch (error) {
    // The list must not fail with the queue: the check runs again on the next read.
    console.error(`exports: could not check running exports: ${String(error)}`);
  }
  return db.export.findMany({
    where: { workspaceId: scope.workspace.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: EXPORT_LIST_SIZE,
    select: exportFields,
  });
}

/**
 * Runs a failed export again, from scratch (status back to "pending", progress 0). Audited as
 * "export.retried". Returns the export.
 * @throws DomainError NOT_FOUND when the workspace has no such export.
 * @throws DomainError CONFLICT when the export is not failed, or another export is running.
 * @throws EntitlementError (PAYMENT_REQUIRED) when the plan no longer has CSV export.
 */
export async function retryExport(scope: WorkspaceScope, exportId: string) {
  const workspaceId = scope.workspace.id;
  await assertFeature(workspaceId, "csvExport");
  await failLostExports(workspaceId);
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
    const found = await tx.export.findFirst({
      where: { id: exportId, workspaceId },
      select: { status: true },
    });
    if (!found) throw new DomainError("NOT_FOUND", "Export not found.");
    if (found.status !== "failed") {
      throw new DomainError("CONFLICT", "Only a failed export can be retried.");
    }
    const running = await tx.export.findFirst({
      where: { workspaceId, status: { in: [...RUNNING] } },
      select: { id: true },
    });
    if (running) throw alreadyRunning();
    await tx.export.update({
      where: { id: exportId, workspaceId },
      data: {
        status: "pending",
        progress: 0,
        error: null,
        jobId: null,
        content: null,
        rowCount: null,
        startedAt: null,
        finishedAt: null,
      },
    });
    await recordAudit(tx, {
      workspaceId,
      actorId: scope.actorId,
      action: "export.retried",
      targetType: "workspace",
      targetId: workspaceId,
      metadata: { exportId },
    });
  });
  return startJob(workspaceId, exportId);
}

/**
 * The file of export `exportId` for `userId`: `{ fileName, content }` with fileName
 * "<workspace-slug>-export-<YYYY-MM-DD>.csv" (the UTC day it finished) and content the CSV text.
 * Null, without saying why, when the export does not exist, is not done, or `userId` is not a
 * member of its workspace: the download route answers 404 to all three alike.
 */
export async function getExportFile(
  userId: string,
  exportId: string,
): Promise<{ fileName: string; content: string } | null> {
  const found = await db.export.findFirst({
    where: {
      id: exportId,
      status: "done",
      content: { not: null },
      workspace: { memberships: { some: { userId } } },
    },
    select: {
      content: true,
      finishedAt: true,
      createdAt: true,
      workspace: { select: { slug: true } },
    },
  });
  if (!found?.content) return null;
  const day = (found.finishedAt ?? found.createdAt).toISOString().slice(0, 10);
  return { fileName: `${found.workspace.slug}-export-${day}.csv`, content: found.content };
}
