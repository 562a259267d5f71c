/**
 * Keyset (cursor) pagination, the one helper of every list service (`keysetQuery` then
 * `keysetPage`): the cursor is the order and the last row's sort value and id as base64url JSON
 * (opaque to clients), and the next page is the rows strictly after it in (sort value, id) order,
 * so rows inserted meanwhile never shift a page.
 * Also `likeLiteral`, for text searches through Prisma's `contains`.
 */
import "server-only";
import { z } from "zod";
import { DomainError } from "@/server/errors";

/** The error of any cursor that does not decode to what its list expects. */
const invalidCursor = () =>
  new DomainError("BAD_REQUEST", "This page link is invalid or out of date.", "cursor");

/** `payload` as an opaque cursor. */
function encodeCursor(payload: object): string {
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

/**
 * The payload of `cursor`, checked by `schema`.
 * @throws DomainError BAD_REQUEST on "cursor" when it is tampered with or undecodable.
 */
function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.output<S> {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw invalidCursor();
  }
}

/** A sort value as a cursor stores it: dates as ISO strings, anything else as its string. */
const cursorValue = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : String(value);

/** A date from a cursor. @throws DomainError BAD_REQUEST on "cursor" when it is not one. */
function cursorDate(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw invalidCursor();
  return date;
}

/**
 * The where-condition "after (value, id)" when sorting by `field` then id, both in `dir`. The
 * redundant bound on `field` alone (`lte` / `gte`, implied by the OR) is what an index on
 * (…, field, id) can seek to: without it PostgreSQL reads the list from its start and filters,
 * so a deep page would cost as much as every page before it.
 */
function keysetAfter(field: string, value: unknown, id: string, dir: "asc" | "desc" = "desc") {
  const op = dir === "desc" ? "lt" : "gt";
  return {
    [field]: { [`${op}e`]: value },
    OR: [{ [field]: { [op]: value } }, { [field]: value, id: { [op]: id } }],
  };
}

/**
 * A list's order: by `field` (a date or text column), then by id, both in `dir`. The cursor
 * names the order it was made for, so a cursor from another sort is refused, not misread.
 */
export interface KeysetOrder<F extends string = string> {
  field: F;
  dir: "asc" | "desc";
  type: "date" | "text";
}

/** Newest created first (then by id): activity, and the admin users, workspaces and audit lists. */
export const NEWEST_CREATED: KeysetOrder<"createdAt"> = {
  field: "createdAt",
  dir: "desc",
  type: "date",
};

/** A page of rows and the cursor of the next one (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Every list's cursor: the order's field (`s`) and direction (`d`), the last row's sort value
 * (`v`, a date as ISO 8601) and id. Ids are at most 255 characters (Stripe event and job ids).
 */
const keysetCursor = z.strictObject({
  s: z.string().min(1).max(64),
  d: z.enum(["asc", "desc"]),
  v: z.string().max(300),
  id: z.string().min(1).max(255),
});

/**
 * What to add to a list's Prisma query for one page in `order`: `where` (the keyset condition
 * after `cursor`, undefined on the first page; add it to the list's own AND), `orderBy` and
 * `take` (one row more than `limit`, to know whether a next page exists; see {@link keysetPage}).
 * @throws DomainError BAD_REQUEST on "cursor" when `cursor` is tampered with, undecodable, or
 *   made for another order.
 */
export function keysetQuery<W>(
  order: KeysetOrder,
  cursor: string | null | undefined,
  limit: number,
) {
  const orderBy = [{ [order.field]: order.dir }, { id: order.dir }];
  if (!cursor) return { where: undefined, orderBy, take: limit + 1 };
  const decoded = decodeCursor(cursor, keysetCursor);
  if (decoded.s !== order.field || decoded.d !== order.dir) throw invalidCursor();
  let value: string | Date = decoded.v;
  if (order.type === "date") {
    if (!z.iso.datetime({ offset: true }).safeParse(decoded.v).success) throw invalidCursor();
    value = cursorDate(decoded.v);
  }
  return {
    where: keysetAfter(order.field, value, decoded.id, order.dir) as W,
    orderBy,
    take: limit + 1,
  };
}

/**
 * The page of `rows` (fetched with {@link keysetQuery}'s `take`, so up to `limit + 1` rows in
 * `order`): the first `limit`, and the cursor after the last of them when more rows exist.
 */
export function keysetPage<T extends { id: string }>(
  rows: T[],
  order: KeysetOrder<Extract<keyof T, string>>,
  limit: number,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({
            s: order.field,
            d: order.dir,
            v: cursorValue(last[order.field]),
            id: last.id,
          })
        : null,
  };
}

/**
 * `q` for Prisma's `contains` (ILIKE), matched literally: Prisma passes `%`, `_` and `\` through
 * as wildcards and escapes, so they are escaped here.
 */
export function likeLiteral(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}
