/**
 * Keyset (cursor) pagination shared by the list services: the cursor is the last row's sort value
 * and id as base64url JSON (opaque to clients), and the next page is the rows strictly after it in
 * (sort value, id) order, so rows inserted meanwhile never shift a page.
 * Also `likeLiteral`, for text searches through Prisma's `contains`.
 */
import "server-only";
import type { z } from "zod";
import { DomainError } from "@/server/errors";

/** The error of any cursor that does not decode to what its list expects. */
export const invalidCursor = () =>
  new DomainError("BAD_REQUEST", "This page link is invalid or out of date.", "cursor");

/** `payload` as an opaque cursor. */
export function encodeCursor(payload: object): string {
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

/**
 * The payload of `cursor`, checked by `schema`.
 * @throws DomainError BAD_REQUEST on "cursor" when it is tampered with or undecodable.
 */
export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.output<S> {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw invalidCursor();
  }
}

/** A sort value as a cursor stores it: dates as ISO strings, anything else as its string. */
export const cursorValue = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : String(value);

/** A date from a cursor. @throws DomainError BAD_REQUEST on "cursor" when it is not one. */
export function cursorDate(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw invalidCursor();
  return date;
}

/** The where-condition "after (value, id)" when sorting by `field` then id, both in `dir`. */
export function keysetAfter(
  field: string,
  value: unknown,
  id: string,
  dir: "asc" | "desc" = "desc",
) {
  const op = dir === "desc" ? "lt" : "gt";
  return { OR: [{ [field]: { [op]: value } }, { [field]: value, id: { [op]: id } }] };
}

/**
 * `q` for Prisma's `contains` (ILIKE), matched literally: Prisma passes `%`, `_` and `\` through
 * as wildcards and escapes, so they are escaped here.
 */
export function likeLiteral(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}
