/**
 * Inputs of the CSV import of projects (src/server/api/routers/project-import.ts), and the row
 * schema every imported row is checked against: the project create form's own fields
 * (`createProjectInput`), so a row the import accepts is a project the form would accept.
 */
import * as z from "zod/mini";
import "@/schemas/locale";
import { createProjectInput } from "@/schemas/project";
import { isWellFormedText, workspaceInput } from "@/schemas/workspace";

/** The project fields a column can be mapped to, in the order the mapping form shows them. */
export const IMPORT_FIELDS = ["name", "description"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Labels of the fields, and whether a column must be mapped to them. */
export const IMPORT_FIELD_INFO: Record<ImportField, { label: string; required: boolean }> = {
  name: { label: "Name", required: true },
  description: { label: "Description", required: false },
};

/** One row of an import, as the create form checks it. */
export const importRowSchema = z.pick(createProjectInput, { name: true, description: true });

/** Delimiters a file may use: comma, semicolon, tab. */
export const IMPORT_DELIMITERS = [",", ";", "\t"] as const;
export type ImportDelimiter = (typeof IMPORT_DELIMITERS)[number];
export const DELIMITER_NAMES: Record<ImportDelimiter, string> = {
  ",": "Comma (,)",
  ";": "Semicolon (;)",
  "\t": "Tab",
};

/** Largest uploaded file, in bytes (50 MB: about 500,000 short rows). */
export const IMPORT_MAX_BYTES = 50_000_000;
/**
 * Largest pasted text, in bytes (UTF-8): 500 kB, so that even escaped as JSON (at most twice
 * as long) it fits the tRPC endpoint's 1 MiB body limit (src/schemas/request-limits.ts).
 */
export const IMPORT_MAX_PASTE_BYTES = 500_000;
/** Rows the preview shows. */
export const IMPORT_PREVIEW_ROWS = 20;
/** Longest header name kept, in characters. */
const HEADER_MAX = 200;

const importId = z
  .string()
  .check(z.minLength(1, "Import is required."), z.maxLength(64, "Unknown import."));

const fileName = z.string().check(
  z.trim(),
  z.minLength(1, "File name is required."),
  z.maxLength(200, "File name is at most 200 characters."),
  z.refine(
    (t) => isWellFormedText(t) && !t.includes("\u0000"),
    "File name contains an invalid character.",
  ),
);

/**
 * `projectImport.create`: either a file the browser uploads next (its name and size in bytes;
 * the answer carries the presigned upload), or pasted text, stored at once.
 */
export const createImportInput = z.extend(workspaceInput, {
  source: z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("upload"),
      fileName,
      size: z
        .number()
        .check(
          z.int("Size must be a whole number of bytes."),
          z.gte(1, "The file is empty."),
          z.lte(IMPORT_MAX_BYTES, "The file is larger than 50 MB."),
        ),
    }),
    z.object({
      kind: z.literal("paste"),
      text: z.string().check(
        z.refine((t) => t.trim().length > 0, "Paste at least a header row and one row."),
        z.refine(
          (t) => new TextEncoder().encode(t).length <= IMPORT_MAX_PASTE_BYTES,
          "Pasted text is at most 500 kB: upload a file instead.",
        ),
      ),
    }),
  ]),
});
export type CreateImportInput = z.input<typeof createImportInput>;

const header = z.nullable(z.string().check(z.maxLength(HEADER_MAX, "Unknown column.")));

/** Field → the header of the column it takes (null: not imported). */
export const importMappingSchema = z.object({
  name: header,
  description: z._default(header, null),
});
export type ImportMapping = Record<ImportField, string | null>;

const delimiter = z.enum(IMPORT_DELIMITERS, {
  error: "Delimiter must be comma, semicolon or tab.",
});

/** `projectImport.preview`: the first rows, read with this delimiter and mapping (else detected). */
export const previewImportInput = z.extend(workspaceInput, {
  importId,
  delimiter: z.optional(delimiter),
  mapping: z.optional(importMappingSchema),
});

/** `projectImport.start`: runs the import with this delimiter and mapping. */
export const startImportInput = z.extend(workspaceInput, {
  importId,
  delimiter,
  mapping: importMappingSchema,
});

/** `projectImport.get`: one import of the workspace. */
export const importIdInput = z.extend(workspaceInput, { importId });

/** `projectImport.list`: the workspace only. */
export const listImportsInput = workspaceInput;

/** Lower-case letters and digits of a header, so "Project Name" matches "project_name". */
const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/** Other names a column of each field is often given. */
const SYNONYMS: Record<ImportField, string[]> = {
  name: ["name", "projectname", "project", "title"],
  description: ["description", "desc", "details", "summary", "notes"],
};

/**
 * The mapping guessed from a file's headers: each field takes the first header whose letters and
 * digits, lower-cased, equal the field's name or a synonym ("Project name" → name); else null.
 */
export function suggestMapping(headers: readonly string[]): Record<ImportField, string | null> {
  const result = {} as Record<ImportField, string | null>;
  for (const field of IMPORT_FIELDS) {
    result[field] = headers.find((h) => SYNONYMS[field].includes(squash(h))) ?? null;
  }
  return result;
}

/**
 * The field → value object of a row: each mapped field takes the cell under its header (missing
 * cells read as ""); unmapped fields are left out, so the schema's defaults apply.
 */
export function mapRow(
  headers: readonly string[],
  cells: readonly string[],
  mapping: ImportMapping,
): Record<string, string> {
  const row: Record<string, string> = {};
  for (const field of IMPORT_FIELDS) {
    const header = mapping[field];
    if (!header) continue;
    const index = headers.indexOf(header);
    if (index >= 0) row[field] = cells[index] ?? "";
  }
  return row;
}

/**
 * Checks a mapped row with {@link importRowSchema}: `{ ok: true, value }` or `{ ok: false,
 * errors }`, errors by field ("name": "Name is required.").
 */
export function checkRow(
  row: Record<string, string>,
):
  | { ok: true; value: z.output<typeof importRowSchema> }
  | { ok: false; errors: Partial<Record<ImportField, string>> } {
  const parsed = importRowSchema.safeParse(row);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Partial<Record<ImportField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as ImportField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/** The reason column of a failed row: "name: Name is required.; description: …". */
export function reasonOf(errors: Partial<Record<ImportField, string>>): string {
  return Object.entries(errors)
    .map(([field, message]) => `${field}: ${message}`)
    .join("; ");
}

/** Problems of a mapping against a file's headers: a required field unmapped, an unknown header. */
export function mappingProblems(
  headers: readonly string[],
  mapping: ImportMapping,
): Partial<Record<ImportField, string>> {
  const problems: Partial<Record<ImportField, string>> = {};
  for (const field of IMPORT_FIELDS) {
    const header = mapping[field];
    if (header && !headers.includes(header)) {
      problems[field] = `The file has no column "${header}".`;
    } else if (!header && IMPORT_FIELD_INFO[field].required) {
      problems[field] = `Choose the column that holds the ${field}.`;
    }
  }
  return problems;
}
