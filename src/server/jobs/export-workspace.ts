/**
 * `export-workspace`: builds the CSV of one {@link https://pgboss.io pg-boss}-queued Export (a
 * workspace's projects, then its activity log) and stores it on the Export row, for
 * `GET /api/exports/<id>`. Requested by `requestExport` (src/server/services/exports.ts).
 *
 * One CSV, one row per project and per audit entry, columns {@link EXPORT_COLUMNS}:
 * - `section`: "project" or "activity";
 * - `id`: the project's or the audit entry's id;
 * - `name_or_action`: the project's name, or the entry's dotted action ("project.created");
 * - `status`: the project's status (empty for activity);
 * - `actor`: the email of the project's owner, or of the entry's actor (empty once deleted);
 * - `created_at`, `updated_at`: ISO 8601 UTC (`updated_at` empty for activity);
 * - `details`: JSON: `{ "description": … }` for a project, `{ "targetType", "targetId",
 *   "metadata", "actorName", "via" }` for an entry (`actorName`: the actor's name when the entry
 *   was written, kept once they are deleted; `via`: where a change without an actor came from).
 * A cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so spreadsheet apps show
 * it as text rather than run it as a formula (OWASP "CSV injection").
 *
 * Rows are read in keyset pages of {@link EXPORT_PAGE_SIZE} (by createdAt, then id), always scoped
 * by the workspace; `progress` (0-100) is written after each page for the UI's progress bar.
 *
 * Retries: 3, with exponential backoff from 5 s. An attempt starts from scratch (a retry after a
 * crash rebuilds the whole file): it stamps `startedAt`, and every later write of that attempt is
 * conditional on that stamp, so an attempt that a newer one has superseded (e.g. a worker that
 * lost its heartbeat but was not dead) changes nothing. The last attempt that throws marks the
 * export failed, with a message for the user, before pg-boss records the failure. Heartbeat: 30 s,
 * so a killed worker's export is retried by another worker within about a minute of supervision.
 */
import "server-only";
import { stringify } from "csv-stringify/sync";
import type { Job } from "pg-boss";
import { z } from "zod";
import { db } from "@/server/db";
import { connectionFailureReason } from "@/server/db-errors";
import { defineJob } from "./types";

/** Rows read per query (per page) of each section. */
export const EXPORT_PAGE_SIZE = 200;

/** The CSV's header row. */
export const EXPORT_COLUMNS = [
  "section",
  "id",
  "name_or_action",
  "status",
  "actor",
  "created_at",
  "updated_at",
  "details",
] as const;

const queue = {
  retryLimit: 3,
  retryDelay: 5,
  retryBackoff: true,
  expireInSeconds: 600,
  heartbeatSeconds: 30,
};

/** Why a job did nothing, as its output: the export is gone or another attempt owns it. */
type Skipped = { skipped: string };

/** Thrown inside an attempt when its conditional write matched no row. */
class Superseded extends Error {}

/** A cell as text a spreadsheet will not evaluate (see the file's comment). */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * An error in a few words for the user: a lost database as such, else the last line of the
 * message (Prisma puts the database's own message last, after the call site), at most 300
 * characters.
 */
function userMessage(error: unknown): string {
  const unreachable = connectionFailureReason(error);
  if (unreachable) return `the database could not be reached (${unreachable})`;
  const message = error instanceof Error ? error.message : String(error);
  const line =
    message
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1) ?? "";
  return (line.length > 300 ? `${line.slice(0, 297)}…` : line) || "unknown error";
}

/** A keyset position: the last row read. */
type Cursor = { createdAt: Date; id: string };

/** After `last` (createdAt, id), in keyset order. */
function after(last: Cursor | null): { OR?: object[] } {
  return last
    ? {
        OR: [
          { createdAt: { gt: last.createdAt } },
          { createdAt: last.createdAt, id: { gt: last.id } },
        ],
      }
    : {};
}

/**
 * Reads rows in keyset pages: `read(where)` gets the page after the previous one (its `where` is
 * the keyset condition), `onPage` handles it; ends after a short page.
 */
async function eachPage<T extends Cursor>(
  read: (where: { OR?: object[] }) => Promise<T[]>,
  onPage: (rows: T[]) => Promise<void>,
): Promise<void> {
  let last: Cursor | null = null;
  for (;;) {
    const page = await read(after(last));
    await onPage(page);
    if (page.length < EXPORT_PAGE_SIZE) return;
    last = page[page.length - 1]!;
  }
}

/**
 * Builds export `exportId`. Returns `{ rowCount }`, or `{ skipped: <reason> }` when the export no
 * longer exists (deleted, or its workspace was: the row goes with it), is already done, or a newer
 * attempt took it over. Throws on any other failure (pg-boss retries).
 */
async function buildExport(
  exportId: string,
  job: Pick<Job<unknown>, "signal">,
  attempt: { startedAt?: Date },
): Promise<{ rowCount: number } | Skipped> {
  const found = await db.export.findUnique({
    where: { id: exportId },
    select: { status: true, workspaceId: true },
  });
  if (!found) return { skipped: "the export no longer exists (it or its workspace was deleted)" };
  if (found.status === "done") return { skipped: "the export is already done" };
  const { workspaceId } = found;

  // This attempt's stamp (milliseconds, as the column stores them): later writes match on it.
  const startedAt = new Date();
  attempt.startedAt = startedAt;
  const claimed = await db.export.updateMany({
    where: { id: exportId, status: { not: "done" } },
    data: {
      status: "processing",
      startedAt,
      progress: 0,
      error: null,
      content: null,
      rowCount: null,
      finishedAt: null,
    },
  });
  if (claimed.count === 0) return { skipped: "the export was deleted or finished meanwhile" };

  /** Writes `data` if this attempt still owns the export. @throws Superseded otherwise. */
  const write = async (data: { progress: number }) => {
    const { count } = await db.export.updateMany({ where: { id: exportId, startedAt }, data });
    if (count === 0) throw new Superseded();
  };

  const [projectTotal, activityTotal] = await Promise.all([
    db.project.count({ where: { workspaceId } }),
    db.auditLog.count({ where: { workspaceId } }),
  ]);
  const total = Math.max(projectTotal + activityTotal, 1);
  const rows: string[][] = [];
  const reportProgress = async () => {
    // Set by `work()` (pg-boss aborts it when the job expires), absent on a `fetch()`ed job.
    (job.signal as AbortSignal | undefined)?.throwIfAborted();
    // 99 at most until the file is saved: 100 means done.
    await write({ progress: Math.min(99, Math.floor((rows.length / total) * 100)) });
  };

  await eachPage(
    (keyset) =>
      db.project.findMany({
        where: { workspaceId, ...keyset },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: EXPORT_PAGE_SIZE,
        select: {
          id: true,
          name: true,
          description: true,
          status: true,
          createdAt: true,
          updatedAt: true,
          owner: { select: { email: true } },
        },
      }),
    async (page) => {
      for (const p of page) {
        rows.push([
          "project",
          p.id,
          p.name,
          p.status,
          p.owner?.email ?? "",
          p.createdAt.toISOString(),
          p.updatedAt.toISOString(),
          JSON.stringify({ description: p.description }),
        ]);
      }
      await reportProgress();
    },
  );

  await eachPage(
    (keyset) =>
      db.auditLog.findMany({
        where: { workspaceId, ...keyset },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: EXPORT_PAGE_SIZE,
        select: {
          id: true,
          action: true,
          targetType: true,
          targetId: true,
          metadata: true,
          createdAt: true,
          actorName: true,
          via: true,
          actor: { select: { email: true } },
        },
      }),
    async (page) => {
      for (const entry of page) {
        rows.push([
          "activity",
          entry.id,
          entry.action,
          "",
          entry.actor?.email ?? "",
          entry.createdAt.toISOString(),
          "",
          JSON.stringify({
            targetType: entry.targetType,
            targetId: entry.targetId,
            metadata: entry.metadata,
            actorName: entry.actorName,
            via: entry.via,
          }),
        ]);
      }
      await reportProgress();
    },
  );

  const content = stringify(
    rows.map((row) => row.map(safeCell)),
    { header: true, columns: [...EXPORT_COLUMNS], record_delimiter: "unix" },
  );
  const { count } = await db.export.updateMany({
    where: { id: exportId, startedAt },
    data: {
      status: "done",
      progress: 100,
      content,
      rowCount: rows.length,
      finishedAt: new Date(),
    },
  });
  if (count === 0) throw new Superseded();
  return { rowCount: rows.length };
}

export const exportWorkspaceJob = defineJob({
  name: "export-workspace",
  schema: z.object({ exportId: z.string().min(1) }),
  queue,
  /**
   * Builds the export (see {@link buildExport}). pg-boss counts attempts in `job.retryCount`
   * (0 on the first, `retryLimit` on the last): when the last one throws, the export is marked
   * failed with "The export failed: <message>" before the error goes on to pg-boss.
   */
  async handle({ exportId }, job) {
    const attempt: { startedAt?: Date } = {};
    try {
      return await buildExport(exportId, job, attempt);
    } catch (error) {
      if (error instanceof Superseded) {
        return { skipped: "the export was deleted or taken over by a newer attempt" };
      }
      if (job.retryCount >= queue.retryLimit) {
        await db.export
          .updateMany({
            // Not an export that a newer attempt has since taken over.
            where: { id: exportId, status: { not: "done" }, startedAt: attempt.startedAt },
            data: {
              status: "failed",
              error: `The export failed: ${userMessage(error)}`,
              finishedAt: new Date(),
            },
          })
          .catch((markError: unknown) =>
            console.error(
              `export ${exportId}: could not mark it failed: ${userMessage(markError)}`,
            ),
          );
      }
      throw error;
    }
  },
});
