/**
 * Pages of the admin console's lists: keyset (cursor) pagination on (time desc, id desc). The
 * cursor is the last row's time (ISO 8601) and id as base64url JSON, opaque to clients.
 */
import "server-only";
import { z } from "zod";
import { cursorDate, decodeCursor, encodeCursor, keysetAfter } from "@/server/pagination";

/** A page of rows and the cursor of the next one (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const cursorSchema = z.strictObject({ t: z.iso.datetime(), id: z.string().min(1).max(255) });

/**
 * The keyset condition "after the cursor's row" in (`field` desc, id desc), as a Prisma `where`.
 * @throws DomainError BAD_REQUEST on "cursor" for a tampered cursor.
 */
export function afterCursor<W>(cursor: string, field: string): W {
  const decoded = decodeCursor(cursor, cursorSchema);
  return keysetAfter(field, cursorDate(decoded.t), decoded.id) as W;
}

/** Splits `rows` (fetched with `limit + 1`) into a page; `timeOf` is the row's sort time. */
export function pageOf<T extends { id: string }>(
  rows: T[],
  limit: number,
  timeOf: (row: T) => Date,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ t: timeOf(last).toISOString(), id: last.id })
        : null,
  };
}
