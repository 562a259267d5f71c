/** The SQL of the next migration (`prisma migrate dev --create-only`). */
import path from "node:path";
import type { DiffTarget } from "@prisma/schema-engine-wasm";
import { applyWith, type MigrationsOptions } from "./deploy";
import { NO_FILTER, type SchemaEngineHandle, withEngine } from "./engine";
import { POSTGRES_LOCK_FILE_CONTENT, readMigrations } from "./migrations-dir";

/** Options of {@link createMigrationSql}. */
export interface CreateMigrationSqlOptions extends MigrationsOptions {
  /**
   * How the "before" state is obtained:
   * - `"shadow"`: replay the migrations in a shadow database (`from: {tag: "migrations"}`), the
   *   `prisma migrate dev` way. Does not touch the main database. Needs a shadow database
   *   (see ShadowDatabaseOption, adapter.ts); impossible with `"create"` on PGlite.
   * - `"live"`: apply pending migrations to the main database, then diff the live database
   *   (`from: {tag: "schemaDatasource"}`, described through the adapter) against the schema.
   *   Works on single-database servers (PGlite). Side effect: pending migrations get applied;
   *   drift in the database (manual changes) ends up in the generated SQL.
   * - `"auto"` (default): `"live"` when the server is PGlite and no explicit shadow
   *   connection string is given, otherwise `"shadow"`.
   */
  strategy?: "auto" | "shadow" | "live";
}

/**
 * SQL that takes the database from "all migrations in `migrationsDir`" to the Prisma schema —
 * the content of the next `migration.sql` (`prisma migrate dev --create-only`).
 * Returns `null` when nothing changed. With no migrations yet, diffs from the empty database.
 */
export async function createMigrationSql(
  options: CreateMigrationSqlOptions,
): Promise<string | null> {
  const migrationsList = await readMigrations(options.migrationsDir);
  return withEngine(options, async (h) => {
    const to: DiffTarget = { tag: "schemaDatamodel", files: h.schemaFiles };
    let from: DiffTarget;
    if (migrationsList.migrationDirectories.length === 0) {
      from = { tag: "empty" };
    } else {
      const strategy = await resolveStrategy(h, options);
      if (strategy === "live") {
        await applyWith(h, migrationsList);
        from = {
          tag: "schemaDatasource",
          files: h.schemaFiles,
          configDir: path.dirname(path.resolve(options.schemaPath)),
        };
      } else {
        if (migrationsList.lockfile.content === null) {
          migrationsList.lockfile.content = POSTGRES_LOCK_FILE_CONTENT; // engine needs the provider
        }
        from = { tag: "migrations", ...migrationsList };
      }
    }
    const result = await h.run("diff", (e) =>
      e.diff({ from, to, script: true, exitCode: null, filters: NO_FILTER }),
    );
    return isEmptyMigration(result.stdout) ? null : (result.stdout ?? null);
  });
}

async function resolveStrategy(
  h: SchemaEngineHandle,
  options: CreateMigrationSqlOptions,
): Promise<"shadow" | "live"> {
  const wanted = options.strategy ?? "auto";
  if (wanted !== "auto") return wanted;
  if (typeof options.shadowDatabase === "object") return "shadow";
  return (await isPGlite(h)) ? "live" : "shadow";
}

/** True when the server is PGlite (its `version()` mentions PGlite / emscripten). */
async function isPGlite(h: SchemaEngineHandle): Promise<boolean> {
  const [row] = await h.query<{ version: string }>("SELECT version()");
  return /pglite|emscripten/iu.test(row?.version ?? "");
}

/** The engine renders an empty diff as an empty string or the "-- This is an empty migration." comment. */
function isEmptyMigration(sql: string | null): boolean {
  if (!sql) return true;
  const meaningful = sql
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("--"));
  return meaningful.length === 0;
}
