/**
 * CSV import of projects: the pattern to copy for importing any resource (README, "Importing
 * data"). A member with `projects:write`:
 * 1. creates an import: a file the browser then uploads straight to object storage (presigned
 *    POST, size-limited by the signature), or pasted text the server stores;
 * 2. previews it: the header, the delimiter (detected unless chosen), the column of each field
 *    (guessed from the headers unless chosen) and the first rows, each checked with the project
 *    create form's own schema, errors by field;
 * 3. starts it: the `import-projects` job (src/server/imports/run.ts) imports it in batches.
 * Every query is scoped by the workspace id; start and finish are audited.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod/mini";
import {
  checkRow,
  type createImportInput,
  IMPORT_FIELDS,
  IMPORT_MAX_BYTES,
  IMPORT_PREVIEW_ROWS,
  type ImportDelimiter,
  type ImportMapping,
  mapRow,
  mappingProblems,
  suggestMapping,
} from "@/schemas/project-import";
import { recordAudit } from "@/server/audit/log";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { CsvFormatError, detectDelimiter, readCsvHead } from "@/server/imports/csv";
import { enqueue } from "@/server/jobs/queue";
import type { WorkspaceScope } from "@/server/services/workspaces";
import { getStorage } from "@/server/storage";
import { lockWorkspace } from "@/server/workspace-locks";

/** How long a presigned upload or a failed-rows link stays valid, in seconds. */
const UPLOAD_EXPIRES_S = 15 * 60;
const DOWNLOAD_EXPIRES_S = 15 * 60;
/** Bytes read to detect the delimiter and sniff the content. */
const SNIFF_BYTES = 64 * 1024;
/** How many imports `listImports` returns. */
export const IMPORT_LIST_SIZE = 10;

/** What the duplicates policy is, in words the summary shows. */
export const DUPLICATE_POLICY =
  "A row whose name matches an existing project (ignoring case), or an earlier row of the file, is skipped.";

const importFields = {
  id: true,
  status: true,
  fileName: true,
  size: true,
  delimiter: true,
  total: true,
  done: true,
  created: true,
  skipped: true,
  failed: true,
  error: true,
  failedRowsKey: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  createdBy: { select: { id: true, name: true } },
} as const;

/** The storage key of an import's file, under the workspace's prefix (deleted with it). */
const fileKey = (workspaceId: string, id: string) => `w/${workspaceId}/imports/${id}.csv`;
/** The storage key of an import's failed rows. */
export const failedRowsKeyOf = (workspaceId: string, id: string) =>
  `w/${workspaceId}/imports/${id}-failed.csv`;

/**
 * Creates a draft import. For `{ kind: "upload", fileName, size }` returns `{ id, upload: { url,
 * fields } }`, a presigned POST the browser sends the file to (at most {@link IMPORT_MAX_BYTES},
 * text/csv); for `{ kind: "paste", text }` stores the text and returns `{ id, upload: null }`.
 */
export async function createImport(
  scope: WorkspaceScope,
  source: z.output<typeof createImportInput>["source"],
) {
  const workspaceId = scope.workspace.id;
  const id = randomUUID();
  const storageKey = fileKey(workspaceId, id);
  const storage = getStorage();
  let upload: { url: string; fields: Record<string, string> } | null = null;
  let size: number;
  let fileName: string;
  if (source.kind === "paste") {
    const body = Buffer.from(source.text, "utf8");
    await storage.put(storageKey, body, { contentType: "text/csv" });
    size = body.length;
    fileName = "Pasted text";
  } else {
    upload = await storage.presignedUpload(storageKey, {
      contentType: "text/csv",
      maxBytes: IMPORT_MAX_BYTES,
      expiresInS: UPLOAD_EXPIRES_S,
    });
    size = source.size;
    fileName = source.fileName;
  }
  await db.projectImport.create({
    data: { id, workspaceId, createdById: scope.actorId, fileName, size, storageKey },
  });
  return { id, upload };
}

/** The import `importId` of the scope's workspace. @throws DomainError NOT_FOUND. */
async function findImport(scope: WorkspaceScope, importId: string) {
  const found = await db.projectImport.findFirst({
    where: { id: importId, workspaceId: scope.workspace.id },
  });
  if (!found) throw new DomainError("NOT_FOUND", "Import not found.");
  return found;
}

/** The first {@link SNIFF_BYTES} of a stored file. */
async function fileStart(key: string): Promise<Buffer> {
  const stream = await getStorage().get(key);
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    chunks.push(buffer);
    length += buffer.length;
    if (length >= SNIFF_BYTES) break;
  }
  (stream as { destroy?: () => void }).destroy?.();
  return Buffer.concat(chunks).subarray(0, SNIFF_BYTES);
}

/**
 * True when `start` reads as text: no NUL byte and valid UTF-8 (a multi-byte character cut at
 * the end of the sample is allowed). The content decides, not the name or the declared type.
 */
function looksLikeText(start: Buffer): boolean {
  if (start.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(start.subarray(0, start.length - 3));
    return true;
  } catch {
    return false;
  }
}

/**
 * The preview of a draft import: `{ id, fileName, size, delimiter, header, mapping, problems,
 * rows }`; `rows` (the first {@link IMPORT_PREVIEW_ROWS}) are `{ line, values, errors }`, values
 * and errors by field; `problems` are the mapping's (a required field without a column).
 * @throws DomainError NOT_FOUND (no such import), CONFLICT (already started), BAD_REQUEST on
 * "file" (not uploaded yet, not text, not CSV, no header).
 */
export async function previewImport(
  scope: WorkspaceScope,
  input: { importId: string; delimiter?: ImportDelimiter; mapping?: ImportMapping },
) {
  const found = await findImport(scope, input.importId);
  if (found.status !== "draft") {
    throw new DomainError("CONFLICT", "This import has already started.");
  }
  const storage = getStorage();
  const stored = await storage.head(found.storageKey);
  if (!stored) throw fileError("The file has not been uploaded yet.");
  const start = await fileStart(found.storageKey);
  if (!looksLikeText(start)) throw fileError("This file is not UTF-8 text: save it as CSV UTF-8.");
  const delimiter = input.delimiter ?? detectDelimiter(start.toString("utf8"));
  let head;
  try {
    head = await readCsvHead(await storage.get(found.storageKey), delimiter, IMPORT_PREVIEW_ROWS);
  } catch (error) {
    if (error instanceof CsvFormatError) throw fileError(error.message);
    throw error;
  }
  if (head.header.every((h) => h === "")) throw fileError("The first row must name the columns.");
  const mapping = input.mapping ?? suggestMapping(head.header);
  const problems = mappingProblems(head.header, mapping);
  const rows = head.rows.map(({ line, cells }) => {
    const values = mapRow(head.header, cells, mapping);
    const checked = checkRow(values);
    return { line, values, errors: checked.ok ? {} : checked.errors };
  });
  return {
    id: found.id,
    fileName: found.fileName,
    size: stored.size,
    delimiter,
    header: head.header,
    mapping,
    problems,
    rows,
    fields: IMPORT_FIELDS,
  };
}

function fileError(message: string) {
  return new DomainError("BAD_REQUEST", message, "file");
}

/**
 * Starts draft import `importId` with `delimiter` and `mapping`: status "pending", audited as
 * "project_import.started", then the `import-projects` job is queued. Returns the import.
 * @throws DomainError NOT_FOUND, CONFLICT (not a draft), BAD_REQUEST on "mapping" when a required
 * field has no column or a column is not in the file.
 */
export async function startImport(
  scope: WorkspaceScope,
  input: { importId: string; delimiter: ImportDelimiter; mapping: ImportMapping },
) {
  const workspaceId = scope.workspace.id;
  const found = await findImport(scope, input.importId);
  if (found.status !== "draft")
    throw new DomainError("CONFLICT", "This import has already started.");
  let header: string[];
  try {
    header = (await readCsvHead(await getStorage().get(found.storageKey), input.delimiter, 0))
      .header;
  } catch (error) {
    if (error instanceof CsvFormatError) throw fileError(error.message);
    throw error;
  }
  const problems = Object.values(mappingProblems(header, input.mapping));
  if (problems.length > 0) {
    throw new DomainError("BAD_REQUEST", problems.join(" "), "mapping");
  }
  await db.$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const { count } = await tx.projectImport.updateMany({
      where: { id: found.id, workspaceId, status: "draft" },
      data: { status: "pending", delimiter: input.delimiter, mapping: input.mapping },
    });
    if (count === 0) throw new DomainError("CONFLICT", "This import has already started.");
    await recordAudit(tx, {
      workspaceId,
      actorId: scope.actorId,
      action: "project_import.started",
      targetType: "workspace",
      targetId: workspaceId,
      metadata: { importId: found.id, fileName: found.fileName },
    });
  });
  try {
    const jobId = await enqueue("import-projects", { importId: found.id });
    await db.projectImport.update({ where: { id: found.id }, data: { jobId } });
  } catch (error) {
    await db.projectImport.update({
      where: { id: found.id },
      data: { status: "failed", error: "The import could not be started.", finishedAt: new Date() },
    });
    throw error;
  }
  return getImport(scope, found.id);
}

/** An import row as the UI sees it, with a signed link to its failed rows (15 minutes). */
async function present<T extends { failedRowsKey: string | null; fileName: string }>(row: T) {
  const { failedRowsKey, ...rest } = row;
  const failedRowsUrl = failedRowsKey
    ? await getStorage().signedGetUrl(failedRowsKey, {
        expiresInS: DOWNLOAD_EXPIRES_S,
        downloadName: `${row.fileName.replace(/\.csv$/i, "")}-failed-rows.csv`,
      })
    : null;
  return { ...rest, failedRowsUrl, duplicatePolicy: DUPLICATE_POLICY };
}

/**
 * Import `importId`: `{ id, status, fileName, size (bytes), delimiter, total, done, created,
 * skipped, failed, error, createdAt, startedAt, finishedAt, createdBy, failedRowsUrl,
 * duplicatePolicy }`; `done / total` is the progress.
 * @throws DomainError NOT_FOUND.
 */
export async function getImport(scope: WorkspaceScope, importId: string) {
  const row = await db.projectImport.findFirst({
    where: { id: importId, workspaceId: scope.workspace.id },
    select: importFields,
  });
  if (!row) throw new DomainError("NOT_FOUND", "Import not found.");
  return present(row);
}

/** The workspace's newest {@link IMPORT_LIST_SIZE} started imports, newest first, as `getImport`. */
export async function listImports(scope: WorkspaceScope) {
  const rows = await db.projectImport.findMany({
    where: { workspaceId: scope.workspace.id, status: { not: "draft" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: IMPORT_LIST_SIZE,
    select: importFields,
  });
  return Promise.all(rows.map(present));
}
