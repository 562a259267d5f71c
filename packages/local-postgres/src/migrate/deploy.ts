/** Applying pending migrations (`prisma migrate deploy`). */
import type { MigrationList } from "@prisma/schema-engine-wasm";
import {
  type EngineConnectionOptions,
  NO_FILTER,
  type SchemaEngineHandle,
  withEngine,
} from "./engine";
import { readMigrations } from "./migrations-dir";

/** Options for operations that also need the migrations directory. */
export interface MigrationsOptions extends EngineConnectionOptions {
  /** The `prisma/migrations` directory. */
  migrationsDir: string;
}

/**
 * Applies every migration of `migrationsDir` not yet in `_prisma_migrations`
 * (`prisma migrate deploy`). Returns the names applied now; `[]` when up to date.
 * Rejects with SchemaEngineError (errors.ts): `P3005` non-empty database without history,
 * `P3009` a failed migration is recorded, `P3018` a migration script failed, etc.
 */
export async function applyPendingMigrations(options: MigrationsOptions): Promise<string[]> {
  const migrationsList = await readMigrations(options.migrationsDir);
  return withEngine(options, (h) => applyWith(h, migrationsList));
}

export async function applyWith(
  handle: SchemaEngineHandle,
  migrationsList: MigrationList,
): Promise<string[]> {
  if (migrationsList.migrationDirectories.length === 0) return [];
  const out = await handle.run("applyMigrations", (e) =>
    e.applyMigrations({ migrationsList, filters: NO_FILTER }),
  );
  return out.appliedMigrationNames;
}
