/**
 * Prisma Migrate without the native schema engine.
 *
 * Runs Prisma's own WebAssembly schema engine (`@prisma/schema-engine-wasm`) on top of
 * `@prisma/adapter-pg`, so migrations can be created, applied and inspected on a machine
 * where the Prisma CLI cannot download its native `schema-engine` binary.
 *
 * The on-disk layout is the Prisma CLI's: `<migrationsDir>/<timestamp>_<name>/migration.sql`
 * plus `<migrationsDir>/migration_lock.toml`, and the database bookkeeping is the same
 * `_prisma_migrations` table that `prisma migrate deploy` writes, so the two are interchangeable.
 *
 * Works against a regular PostgreSQL server and against PGlite served through
 * `@electric-sql/pglite-socket` (see {@link CreateMigrationSqlOptions.strategy} for the
 * one difference: PGlite has a single database, so no shadow database).
 *
 *
 * Modules, one job each: wasm.ts (load the engine once), engine.ts (open one on a database),
 * adapter.ts + pools.ts + char-columns.ts (the pg driver adapter it runs on, fixed for
 * migrations), schema-files.ts, migrations-dir.ts (the CLI's folder layout), errors.ts, and one
 * module per operation: deploy.ts, diff.ts, status.ts, reset.ts.
 *
 * @module
 */
export type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
export type { ShadowDatabaseOption } from "./adapter";
export { applyPendingMigrations, type MigrationsOptions } from "./deploy";
export { createMigrationSql, type CreateMigrationSqlOptions } from "./diff";
export { type EngineConnectionOptions, openSchemaEngine, type SchemaEngineHandle } from "./engine";
export { type EngineLogEntry, type EngineLogger, SchemaEngineError } from "./errors";
export {
  MIGRATION_LOCK_FILE,
  MIGRATION_SQL_FILE,
  migrationChecksum,
  migrationTimestamp,
  POSTGRES_LOCK_FILE_CONTENT,
  readMigrations,
  writeMigration,
} from "./migrations-dir";
export { resetDatabase } from "./reset";
export { readSchemaFiles } from "./schema-files";
export { type AppliedMigrationRow, type MigrationStatus, migrationStatus } from "./status";
export { loadSchemaEngineWasm, schemaEngineVersion } from "./wasm";
