/** Migration status (`prisma migrate status`). */
import type { HistoryDiagnostic } from "@prisma/schema-engine-wasm";
import type { MigrationsOptions } from "./deploy";
import { NO_FILTER, withEngine } from "./engine";
import { readMigrations } from "./migrations-dir";

/** One row of `_prisma_migrations`. */
export interface AppliedMigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  logs: string | null;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

/** Result of {@link migrationStatus}. */
export interface MigrationStatus {
  /** Whether `_prisma_migrations` exists. */
  hasMigrationsTable: boolean;
  /** Folder names in the migrations directory, sorted. */
  local: string[];
  /** Finished, not rolled back, in `_prisma_migrations`. */
  applied: string[];
  /** In the directory but not applied (`databaseIsBehind` / `historiesDiverge`). */
  pending: string[];
  /** Started but never finished and not rolled back (blocks further deploys: P3009). */
  failed: string[];
  /** Applied, but `migration.sql` changed since (checksum mismatch). */
  edited: string[];
  /** Applied in the database but missing from the directory. */
  missingLocally: string[];
  /** The engine's raw history diagnostic (`null` = in sync). */
  history: HistoryDiagnostic | null;
  /** Raw `_prisma_migrations` rows, ordered by `started_at`. */
  rows: AppliedMigrationRow[];
}

/**
 * Migration status (`prisma migrate status`), from the engine's `diagnoseMigrationHistory`
 * (no shadow database) plus the `_prisma_migrations` rows.
 */
export async function migrationStatus(options: MigrationsOptions): Promise<MigrationStatus> {
  const migrationsList = await readMigrations(options.migrationsDir);
  return withEngine(options, async (h) => {
    const d = await h.run("diagnoseMigrationHistory", (e) =>
      e.diagnoseMigrationHistory({
        migrationsList,
        optInToShadowDatabase: false,
        filters: NO_FILTER,
      }),
    );
    const rows = d.hasMigrationsTable
      ? await h.query<AppliedMigrationRow & Record<string, unknown>>(
          `SELECT id, checksum, migration_name, logs, started_at, finished_at, rolled_back_at, applied_steps_count
             FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
        )
      : [];
    const history = d.history;
    const pending =
      history?.diagnostic === "databaseIsBehind" || history?.diagnostic === "historiesDiverge"
        ? history.unappliedMigrationNames
        : [];
    const missingLocally =
      history?.diagnostic === "migrationsDirectoryIsBehind" ||
      history?.diagnostic === "historiesDiverge"
        ? history.unpersistedMigrationNames
        : [];
    return {
      hasMigrationsTable: d.hasMigrationsTable,
      local: migrationsList.migrationDirectories.map((m) => m.path),
      applied: rows
        .filter((r) => r.finished_at !== null && r.rolled_back_at === null)
        .map((r) => r.migration_name),
      pending,
      failed: d.failedMigrationNames,
      edited: d.editedMigrationNames,
      missingLocally,
      history,
      rows,
    };
  });
}
