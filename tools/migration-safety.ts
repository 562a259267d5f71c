/**
 * Rolling-deploy safety of migrations (`npm run db:migrations:check`, scripts/migrations-check.ts).
 *
 * During a rolling deploy the previous release keeps serving on the migrated database, so a new
 * migration must not take away what that release reads or writes (expand/contract: README,
 * "Changing the schema safely"). Flagged, in migrations the previous release did not ship:
 *
 * | rule                       | statement                                                     |
 * | -------------------------- | ------------------------------------------------------------- |
 * | `drop-table`               | `DROP TABLE t` of a table the previous release had            |
 * | `rename-table`             | `ALTER TABLE t RENAME TO u` of such a table                   |
 * | `drop-column`              | `ALTER TABLE t DROP COLUMN c` of a column it had              |
 * | `rename-column`            | `ALTER TABLE t RENAME COLUMN c TO d` of such a column         |
 * | `not-null-without-default` | `ADD COLUMN c … NOT NULL` with no default on an existing table |
 * | `set-not-null`             | `ALTER COLUMN c SET NOT NULL` on an existing table            |
 *
 * The last two fail on a table with rows, or make the previous release's inserts fail; a large
 * table is any existing one, since a migration cannot know the row count it will meet.
 * Tables and columns created by an unreleased migration are free to change: no release used them.
 *
 * A statement is allowed when the comment lines right above it say why, reviewed like code:
 * `-- safe-migration: <reason>` (e.g. `-- safe-migration: contract step, "legacyName" unused
 * since 20270101000000_stop_reading_legacy_name`).
 *
 * Which migrations are released: `prisma/migrations/.released` names the newest migration of the
 * previous release; every migration sorting after it is new (Prisma's folder names sort by time).
 * Migrations up to it, such as `20261204214559_drop_plan_table`, are history and not checked.
 * SQL is parsed by PostgreSQL's own parser (`libpg-query`, compiled to WebAssembly).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "libpg-query";

/** File (in the migrations folder) naming the newest migration of the previous release. */
export const RELEASED_MARKER = ".released";

/** The comment that allows one flagged statement; the reason after the colon is required. */
const OVERRIDE = /^\s*--\s*safe-migration:\s*(\S.*)$/m;

export type SafetyRule =
  | "drop-table"
  | "rename-table"
  | "drop-column"
  | "rename-column"
  | "not-null-without-default"
  | "set-not-null";

/** One flagged statement of a migration. */
export interface Finding {
  /** Migration folder name, e.g. `20270101000000_add_x`. */
  migration: string;
  /** 1-based line of the statement in its migration.sql. */
  line: number;
  rule: SafetyRule;
  /** What is unsafe and what to do instead. */
  message: string;
  /** The reason of a `-- safe-migration:` comment that allows it, or null (then it fails). */
  allowedBecause: string | null;
}

/** A migration folder's name and SQL. */
export interface MigrationSource {
  name: string;
  sql: string;
}

type Node = Record<string, unknown>;

const HOW = {
  "drop-table":
    "the previous release still queries it; stop using it in one release, drop it in a later one",
  "rename-table":
    "the previous release still queries the old name; add the new table and copy (expand), switch reads, drop the old one later",
  "drop-column":
    "the previous release still reads or writes it; remove it from schema.prisma in one release, drop it in a later one",
  "rename-column":
    "the previous release still uses the old name; add the new column and backfill (expand), switch, drop the old one later",
  "not-null-without-default":
    "fails on a table with rows and breaks the previous release's inserts; add it nullable or with a DEFAULT, backfill, then SET NOT NULL in a later release",
  "set-not-null":
    "the previous release may still write NULL, and the check scans the whole table under lock; backfill and ship code that always writes it first",
} satisfies Record<SafetyRule, string>;

/** The last name of a qualified name list (`schema.table` → `table`). */
function lastName(items: unknown): string {
  const list = (items as { String?: { sval: string } }[]) ?? [];
  return list.at(-1)?.String?.sval ?? "";
}

/** True when an added column gets a value for existing rows: a DEFAULT, identity, generated or serial. */
function hasDefault(columnDef: Node): boolean {
  const constraints = (columnDef.constraints as { Constraint: { contype: string } }[]) ?? [];
  const typeName = lastName((columnDef.typeName as Node | undefined)?.names);
  return (
    /^(small|big)?serial[248]?$/.test(typeName) ||
    constraints.some(({ Constraint }) =>
      ["CONSTR_DEFAULT", "CONSTR_IDENTITY", "CONSTR_GENERATED"].includes(Constraint.contype),
    )
  );
}

/** True when an added column is NOT NULL (explicitly or as a primary key). */
function isNotNull(columnDef: Node): boolean {
  const constraints = (columnDef.constraints as { Constraint: { contype: string } }[]) ?? [];
  return constraints.some(({ Constraint }) =>
    ["CONSTR_NOTNULL", "CONSTR_PRIMARY"].includes(Constraint.contype),
  );
}

/** 1-based line number of character `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

/**
 * Checks migrations in order, skipping those `released` says the previous release shipped.
 * Returns every finding, allowed or not, in order.
 * @throws Error naming the migration and PostgreSQL's message when one does not parse.
 */
export async function checkMigrations(
  migrations: MigrationSource[],
  released: (name: string) => boolean,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  // Tables and "table.column"s created by migrations the previous release did not run.
  const newTables = new Set<string>();
  const newColumns = new Set<string>();
  for (const { name, sql } of migrations) {
    if (released(name)) continue;
    let stmts: { stmt: Node; stmt_location?: number; stmt_len?: number }[];
    try {
      stmts = ((await parse(sql)) as unknown as { stmts?: typeof stmts }).stmts ?? [];
    } catch (error) {
      throw new Error(`${name}/migration.sql does not parse: ${(error as Error).message}`);
    }
    let previousEnd = 0;
    for (const { stmt, stmt_location: location = 0, stmt_len: length } of stmts) {
      // The parser leaves comments out of statements: the ones above this one sit between.
      const leadingComments = sql.slice(previousEnd, location);
      previousEnd = length === undefined ? sql.length : location + length;
      const flag = (rule: SafetyRule, what: string) => {
        findings.push({
          migration: name,
          line: lineAt(sql, location),
          rule,
          message: `${what}: ${HOW[rule]}`,
          allowedBecause: OVERRIDE.exec(leadingComments)?.[1]?.trim() ?? null,
        });
      };
      const isNewTable = (table: string) => newTables.has(table);
      const isNewColumn = (table: string, column: string) =>
        isNewTable(table) || newColumns.has(`${table}.${column}`);

      const [kind] = Object.keys(stmt);
      const body = stmt[kind as string] as Node;
      if (kind === "CreateStmt") {
        const table = (body.relation as Node).relname as string;
        newTables.add(table);
      } else if (kind === "DropStmt" && body.removeType === "OBJECT_TABLE") {
        for (const object of body.objects as { List: { items: unknown } }[]) {
          const table = lastName(object.List.items);
          if (!isNewTable(table)) flag("drop-table", `DROP TABLE "${table}"`);
        }
      } else if (kind === "RenameStmt" && body.renameType === "OBJECT_TABLE") {
        const table = (body.relation as Node).relname as string;
        if (isNewTable(table)) newTables.add(body.newname as string);
        else flag("rename-table", `renames table "${table}"`);
      } else if (kind === "RenameStmt" && body.renameType === "OBJECT_COLUMN") {
        const table = (body.relation as Node).relname as string;
        const column = body.subname as string;
        if (!isNewColumn(table, column)) {
          flag("rename-column", `renames column "${table}"."${column}"`);
        }
      } else if (kind === "AlterTableStmt" && body.objtype === "OBJECT_TABLE") {
        const table = (body.relation as Node).relname as string;
        for (const { AlterTableCmd: cmd } of body.cmds as { AlterTableCmd: Node }[]) {
          const column = cmd.name as string;
          if (cmd.subtype === "AT_AddColumn") {
            const def = (cmd.def as { ColumnDef: Node }).ColumnDef;
            const added = def.colname as string;
            if (!isNewTable(table) && isNotNull(def) && !hasDefault(def)) {
              flag(
                "not-null-without-default",
                `adds NOT NULL column "${table}"."${added}" without a default`,
              );
            }
            newColumns.add(`${table}.${added}`);
          } else if (cmd.subtype === "AT_DropColumn" && !isNewColumn(table, column)) {
            flag("drop-column", `drops column "${table}"."${column}"`);
          } else if (cmd.subtype === "AT_SetNotNull" && !isNewColumn(table, column)) {
            flag("set-not-null", `sets "${table}"."${column}" NOT NULL`);
          }
        }
      }
    }
  }
  return findings;
}

/**
 * The newest released migration named by `<migrationsDir>/.released` (its first line that is
 * not a `#` comment), or null when the file is missing (then every migration is checked).
 */
export async function readReleasedMarker(migrationsDir: string): Promise<string | null> {
  const text = await readFile(path.join(migrationsDir, RELEASED_MARKER), "utf8").catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return null;
      throw error;
    },
  );
  const line = text
    ?.split("\n")
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith("#"));
  return line ?? null;
}

/** Writes `<migrationsDir>/.released` naming `newest` as the newest released migration. */
export async function writeReleasedMarker(migrationsDir: string, newest: string): Promise<void> {
  await writeFile(
    path.join(migrationsDir, RELEASED_MARKER),
    "# The newest migration of the release in production: `npm run db:migrations:check` checks\n" +
      "# only the migrations after it for rolling-deploy safety. Move it with\n" +
      "# `npm run db:migrations:check -- --release` once a release is deployed everywhere.\n" +
      `${newest}\n`,
  );
}
