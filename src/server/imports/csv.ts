/**
 * Reading an imported CSV file as a stream with csv-parse (https://csv.js.org/parse/): UTF-8 with
 * or without a byte order mark, fields separated by comma, semicolon or tab, quoted fields
 * (RFC 4180: `"a ""quoted"", field"`, line breaks inside quotes), LF or CRLF line ends. The first
 * record is the header row; blank lines are skipped; a row with fewer or more cells than the
 * header is kept (missing cells read as "").
 */
import "server-only";
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import { IMPORT_DELIMITERS, type ImportDelimiter } from "@/schemas/project-import";

/** A data row: its line number in the file (the header is line 1) and its cells. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** Thrown when the file cannot be read as CSV (e.g. a quote never closed); the message says where. */
export class CsvFormatError extends Error {}

/**
 * The delimiter of a file from its start: the candidate (comma, semicolon, tab) found most often
 * outside quotes on the header line; comma when none is.
 */
export function detectDelimiter(start: string): ImportDelimiter {
  const counts = new Map<ImportDelimiter, number>(IMPORT_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of start.replace(/^\uFEFF/, "")) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char as ImportDelimiter)) {
      counts.set(char as ImportDelimiter, counts.get(char as ImportDelimiter)! + 1);
    }
  }
  let best: ImportDelimiter = ",";
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/**
 * Reads `source` as CSV: yields `{ header }` first, then each data row. Stops reading (and
 * destroys `source`) when the caller stops iterating.
 * @throws CsvFormatError when the text is not valid CSV, naming the line.
 */
export async function* readCsv(
  source: Readable | NodeJS.ReadableStream,
  delimiter: ImportDelimiter,
): AsyncGenerator<{ header: string[] } | CsvRow> {
  const parser = parse({
    bom: true,
    delimiter,
    // Any line end, even mixed in one file (text pasted from several sources).
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  });
  (source as Readable).on("error", (error) => parser.destroy(error));
  (source as Readable).pipe(parser);
  let header: string[] | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (!header) {
        header = record.map((cell) => cell.trim());
        yield { header };
      } else {
        yield { line: info.lines, cells: record };
      }
    }
  } catch (error) {
    if (error instanceof Error && "code" in error && String(error.code).startsWith("CSV_")) {
      throw new CsvFormatError(`The file is not valid CSV: ${error.message}`);
    }
    throw error;
  } finally {
    parser.destroy();
    (source as Readable).destroy?.();
  }
  if (!header) throw new CsvFormatError("The file is empty: it needs a header row.");
}

/**
 * The header and up to `limit` data rows of `source`, without reading the rest.
 * @throws CsvFormatError as {@link readCsv}.
 */
export async function readCsvHead(
  source: Readable | NodeJS.ReadableStream,
  delimiter: ImportDelimiter,
  limit: number,
): Promise<{ header: string[]; rows: CsvRow[] }> {
  let header: string[] = [];
  const rows: CsvRow[] = [];
  for await (const item of readCsv(source, delimiter)) {
    if ("header" in item) header = item.header;
    else rows.push(item);
    if (rows.length >= limit) break;
  }
  return { header, rows };
}
