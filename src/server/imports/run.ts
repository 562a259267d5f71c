/**
 * Runs a started project import (the `import-projects` job, src/server/jobs/import-projects.ts).
 *
 * The file is streamed from storage (never held whole in memory): a first pass counts the rows
 * (`total`, for the progress bar), the second imports them in batches of
 * {@link IMPORT_BATCH_SIZE}. Each batch is one transaction that locks the workspace, inserts the
 * batch's projects and failed rows, and advances the checkpoint (`done`, rows read) on the
 * condition that it still holds the value this attempt read: so a worker killed mid-import
 * leaves whole batches only, and the retry (pg-boss, after the lost heartbeat) skips the `done`
 * rows already handled and carries on, with no duplicate and no lost row.
 *
 * Per row: the mapped values are checked with the create form's schema (failed: the reason names
 * the fields); a name already in the workspace or earlier in the file, ignoring case, is skipped
 * ({@link DUPLICATE_POLICY}), so importing the same file again creates nothing. The plan's
 * `maxProjects` is checked per batch under the workspace lock: at the limit the import stops
 * ("stopped"), with the projects before it created and none beyond it.
 *
 * At the end the failed rows (their cells as read, then `reason`) become a CSV in storage,
 * status "done" (or "stopped"), audited as "project_import.finished".
 */
import "server-only";
import { PassThrough } from "node:stream";
import { stringify } from "csv-stringify";
import {
  checkRow,
  type ImportDelimiter,
  type ImportMapping,
  importMappingSchema,
  mapRow,
  reasonOf,
} from "@/schemas/project-import";
import { recordAudit } from "@/server/audit/log";
import { getEntitlements } from "@/server/billing/entitlements";
import { PLANS } from "@/server/billing/plans";
import { db } from "@/server/db";
import { CsvFormatError, type CsvRow, readCsv } from "@/server/imports/csv";
import { failedRowsKeyOf } from "@/server/imports/projects";
import { safeCell } from "@/server/jobs/export-workspace";
import { getStorage } from "@/server/storage";
import { lockWorkspace } from "@/server/workspace-locks";

/** Rows per batch (one transaction each). */
export const IMPORT_BATCH_SIZE = 500;

/** Thrown when a conditional write matched nothing: a newer attempt owns the import. */
export class Superseded extends Error {}

/** Options of {@link runImport}, for the job and tests. */
export interface RunOptions {
  /** Aborts between batches (pg-boss's job signal). */
  signal?: AbortSignal;
  batchSize?: number;
  /** Called after each committed batch with the checkpoint (rows done). */
  afterBatch?: (done: number) => void | Promise<void>;
}

type Outcome =
  | { skipped: string }
  | { status: "done" | "stopped" | "failed"; created: number; skipped: number; failed: number };

/** Counts the data rows of the stored file. */
async function countRows(key: string, delimiter: ImportDelimiter): Promise<number> {
  let rows = -1;
  for await (const item of readCsv(await getStorage().get(key), delimiter)) {
    void item;
    rows += 1;
  }
  return Math.max(rows, 0);
}

/**
 * Runs import `importId` from its checkpoint. Returns the outcome, or `{ skipped }` when the
 * import is gone, not started, already finished, or taken over by a newer attempt.
 * @throws on database or storage failures (the job retries from the checkpoint).
 */
export async function runImport(importId: string, options: RunOptions = {}): Promise<Outcome> {
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const found = await db.projectImport.findUnique({ where: { id: importId } });
  if (!found) return { skipped: "the import no longer exists" };
  if (found.status !== "pending" && found.status !== "processing") {
    return { skipped: `the import is ${found.status}` };
  }
  const { workspaceId, storageKey } = found;
  const delimiter = found.delimiter as ImportDelimiter;
  const mapping: ImportMapping = importMappingSchema.parse(found.mapping);

  const attemptAt = new Date();
  const claimed = await db.projectImport.updateMany({
    where: { id: importId, status: { in: ["pending", "processing"] } },
    data: { status: "processing", attemptAt, startedAt: found.startedAt ?? attemptAt },
  });
  if (claimed.count === 0) return { skipped: "the import finished meanwhile" };
  const own = { id: importId, attemptAt };

  try {
    if (found.total === null) {
      const total = await countRows(storageKey, delimiter);
      const { count } = await db.projectImport.updateMany({ where: own, data: { total } });
      if (count === 0) throw new Superseded();
    }

    let done = found.done;
    let header: string[] = [];
    let batch: CsvRow[] = [];
    let index = 0;
    let stopped: string | null = null;
    const flush = async () => {
      options.signal?.throwIfAborted();
      const result = await importBatch({
        importId,
        attemptAt,
        workspaceId,
        done,
        header,
        mapping,
        batch,
      });
      done = result.done;
      stopped = result.stopped;
      batch = [];
      await options.afterBatch?.(done);
    };
    for await (const item of readCsv(await getStorage().get(storageKey), delimiter)) {
      if ("header" in item) {
        header = item.header;
        continue;
      }
      // Rows before the checkpoint were handled by an earlier attempt.
      if (index++ < done) continue;
      batch.push(item);
      if (batch.length >= batchSize) {
        await flush();
        if (stopped) break;
      }
    }
    if (!stopped && batch.length > 0) await flush();
    return await finish(importId, attemptAt, header, stopped);
  } catch (error) {
    if (error instanceof CsvFormatError) {
      await db.projectImport.updateMany({
        where: own,
        data: { status: "failed", error: error.message, finishedAt: new Date() },
      });
      const row = await db.projectImport.findUniqueOrThrow({ where: { id: importId } });
      return { status: "failed", created: row.created, skipped: row.skipped, failed: row.failed };
    }
    throw error;
  }
}

/**
 * Imports one batch in one transaction; returns the new checkpoint, and the stop message when
 * the plan's project limit was reached.
 * @throws Superseded when the checkpoint moved (another attempt): nothing of the batch is kept.
 */
async function importBatch(input: {
  importId: string;
  attemptAt: Date;
  workspaceId: string;
  done: number;
  header: string[];
  mapping: ImportMapping;
  batch: CsvRow[];
}): Promise<{ done: number; stopped: string | null }> {
  const { importId, attemptAt, workspaceId, header, mapping, batch } = input;
  return db.$transaction(
    async (tx) => {
      await lockWorkspace(tx, workspaceId);
      const current = await tx.projectImport.findUnique({
        where: { id: importId },
        select: { createdById: true },
      });
      const failures: { line: number; values: string[]; reason: string }[] = [];
      const candidates: { line: number; name: string; description: string; key: string }[] = [];
      for (const row of batch) {
        if (row.cells.some((cell) => cell.includes("\u0000"))) {
          // PostgreSQL text cannot hold NUL: the row fails, stored without it.
          const values = row.cells.map((cell) => cell.replaceAll("\u0000", ""));
          failures.push({ line: row.line, values, reason: "The row contains a NUL character." });
          continue;
        }
        const checked = checkRow(mapRow(header, row.cells, mapping));
        if (!checked.ok) {
          failures.push({ line: row.line, values: row.cells, reason: reasonOf(checked.errors) });
        } else {
          const { name, description } = checked.value;
          candidates.push({ line: row.line, name, description, key: name.toLowerCase() });
        }
      }
      // Duplicates: names already in the workspace (earlier batches included), or earlier in
      // this batch, ignoring case.
      const existing = new Set(
        (
          await tx.project.findMany({
            where: {
              workspaceId,
              name: { in: candidates.map((c) => c.name), mode: "insensitive" },
            },
            select: { name: true },
          })
        ).map((p) => p.name.toLowerCase()),
      );
      const fresh: typeof candidates = [];
      for (const candidate of candidates) {
        if (existing.has(candidate.key)) continue;
        existing.add(candidate.key);
        fresh.push(candidate);
      }
      let skipped = candidates.length - fresh.length;

      // The plan's limit, under the workspace lock taken above.
      const { plan, entitlements } = await getEntitlements(workspaceId, tx);
      const limit = entitlements.maxProjects;
      let stopped: string | null = null;
      let creating = fresh;
      let handled = batch.length;
      if (limit !== null) {
        const room = Math.max(0, limit - (await tx.project.count({ where: { workspaceId } })));
        if (fresh.length > room) {
          creating = fresh.slice(0, room);
          const stopLine = fresh[room]!.line;
          // Rows from the one that did not fit are not handled: a rerun after an upgrade takes them.
          handled = batch.findIndex((row) => row.line === stopLine);
          skipped = candidates.filter((c) => c.line < stopLine).length - creating.length;
          failures.splice(0, failures.length, ...failures.filter((f) => f.line < stopLine));
          stopped =
            `The ${PLANS[plan].name} plan allows ${limit} projects: the import stopped at line ` +
            `${stopLine}. Upgrade, then import the file again (rows already imported are skipped).`;
        }
      }
      if (creating.length > 0) {
        await tx.project.createMany({
          data: creating.map((c) => ({
            workspaceId,
            ownerId: current?.createdById ?? null,
            name: c.name,
            description: c.description,
          })),
        });
      }
      if (failures.length > 0) {
        await tx.projectImportFailure.createMany({
          data: failures.map((f) => ({
            importId,
            line: f.line,
            values: f.values,
            reason: f.reason,
          })),
        });
      }
      const done = input.done + handled;
      const { count } = await tx.projectImport.updateMany({
        where: { id: importId, attemptAt, done: input.done, status: "processing" },
        data: {
          done,
          created: { increment: creating.length },
          skipped: { increment: skipped },
          failed: { increment: failures.length },
          ...(stopped ? { error: stopped } : {}),
        },
      });
      if (count === 0) throw new Superseded();
      return { done, stopped };
    },
    { timeout: 60_000 },
  );
}

/** Writes the failed rows' CSV, sets the final status and audits the finish. */
async function finish(
  importId: string,
  attemptAt: Date,
  header: string[],
  stopped: string | null,
): Promise<Outcome> {
  const row = await db.projectImport.findUniqueOrThrow({ where: { id: importId } });
  let failedRowsKey: string | null = null;
  if (row.failed > 0) {
    failedRowsKey = failedRowsKeyOf(row.workspaceId, importId);
    await getStorage().put(failedRowsKey, failedRowsCsv(importId, header), {
      contentType: "text/csv",
    });
  }
  const status = stopped ? "stopped" : "done";
  await db.$transaction(async (tx) => {
    const { count } = await tx.projectImport.updateMany({
      where: { id: importId, attemptAt, status: "processing" },
      data: { status, failedRowsKey, finishedAt: new Date() },
    });
    if (count === 0) throw new Superseded();
    await recordAudit(tx, {
      workspaceId: row.workspaceId,
      actorId: row.createdById,
      action: "project_import.finished",
      targetType: "workspace",
      targetId: row.workspaceId,
      metadata: {
        importId,
        status,
        created: String(row.created),
        skipped: String(row.skipped),
        failed: String(row.failed),
      },
    });
  });
  return { status, created: row.created, skipped: row.skipped, failed: row.failed };
}

/**
 * The failed rows of an import as a CSV stream: the file's header then `reason`, one row per
 * failure in line order, read in pages so memory stays flat. Cells are made safe for spreadsheets
 * as the export's are (`safeCell`).
 */
function failedRowsCsv(importId: string, header: string[]): PassThrough {
  const out = new PassThrough();
  const csv = stringify({ header: true, columns: [...header, "reason"], record_delimiter: "unix" });
  csv.pipe(out);
  void (async () => {
    let afterLine = 0;
    for (;;) {
      const page = await db.projectImportFailure.findMany({
        where: { importId, line: { gt: afterLine } },
        orderBy: { line: "asc" },
        take: 1_000,
        select: { line: true, values: true, reason: true },
      });
      for (const failure of page) {
        const cells = (failure.values as string[]).map(safeCell);
        const padded = header.map((_, i) => cells[i] ?? "");
        if (!csv.write([...padded, safeCell(failure.reason)])) {
          await new Promise((resolve) => csv.once("drain", resolve));
        }
      }
      if (page.length < 1_000) break;
      afterLine = page[page.length - 1]!.line;
    }
    csv.end();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
