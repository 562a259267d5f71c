/**
 * PostgreSQL's internal `"char"` type through `pg` and `@prisma/adapter-pg`, which cannot read it:
 * a `pg.Client` that reports such columns as `text` and remembers them, and a patch for the
 * adapter's results that types them `Character` again, as the schema engine expects.
 */
import {
  ColumnTypeEnum,
  type SqlQuery,
  type SqlQueryable,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

/** PostgreSQL's internal single-byte `"char"` type (`pg_constraint.contype`, `confdeltype`, ...). */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/** `rows` array of a pg result -> indices of its `"char"` columns. */
const charColumnsByRows = new WeakMap<object, number[]>();

/**
 * `@prisma/adapter-pg` 7.10.1 has no mapping for OID 18 `"char"`: its `queryRaw` throws
 * `UnsupportedNativeDataType`, which the engine reports as "Column type 'char' could not be
 * deserialized from the database" as soon as its schema describer reads catalog columns of that
 * type. The engine wants `ColumnTypeEnum.Character` there; a plain `Text` makes it *panic*
 * ("Getting constraint_type ... as char failed") once such rows exist — PostgreSQL 18 / PGlite
 * 0.5 list NOT NULL constraints (`contype = 'n'`) in `pg_constraint`, PostgreSQL 15 does not.
 *
 * Fix in two halves: the pg client reports `"char"` fields as `text` (so the adapter accepts them)
 * and remembers which columns they were, keyed by the `rows` array the adapter passes through
 * unchanged; {@link restoreCharacterColumns} then marks those columns `Character`.
 */
function retypeFields(result: unknown): unknown {
  const results: unknown[] = Array.isArray(result) ? result : [result];
  for (const r of results) {
    const { fields, rows } = (r ?? {}) as { fields?: unknown; rows?: unknown };
    if (!Array.isArray(fields)) continue;
    const charColumns: number[] = [];
    (fields as { dataTypeID?: number }[]).forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        charColumns.push(index);
      }
    });
    if (charColumns.length > 0 && Array.isArray(rows)) charColumnsByRows.set(rows, charColumns);
  }
  return result;
}

function restoreCharacterColumns(resultSet: SqlResultSet): SqlResultSet {
  const charColumns = charColumnsByRows.get(resultSet.rows);
  if (charColumns) for (const i of charColumns) resultSet.columnTypes[i] = ColumnTypeEnum.Character;
  return resultSet;
}

/** Makes `queryable.queryRaw` type `"char"` columns `Character` (see {@link retypeFields}). */
export function patchQueryable<Q extends SqlQueryable>(queryable: Q): Q {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query: SqlQuery) => restoreCharacterColumns(await queryRaw(query));
  return queryable;
}

type AnyCallback = (error: Error | null, result: unknown) => void;
type QueryFn = (this: pg.Client, ...args: unknown[]) => unknown;

/** A `pg.Client` whose results report `"char"` columns as `text`, remembering them (retypeFields). */
export class CatalogSafeClient extends pg.Client {}
{
  const original = pg.Client.prototype.query as unknown as QueryFn;
  const patched: QueryFn = function (this: pg.Client, ...args: unknown[]): unknown {
    const last = args.at(-1);
    if (typeof last === "function") {
      const callback = last as AnyCallback;
      args[args.length - 1] = (error: Error | null, result: unknown) =>
        callback(error, error ? result : retypeFields(result));
      return original.apply(this, args);
    }
    const returned = original.apply(this, args);
    return returned instanceof Promise ? returned.then(retypeFields) : returned;
  };
  (CatalogSafeClient.prototype as unknown as { query: QueryFn }).query = patched;
}
