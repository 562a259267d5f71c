/**
 * Database commands that work with no network (Prisma's WebAssembly schema engine), on the
 * embedded database or on `DATABASE_URL`:
 *
 *   npm run db:migrate                          apply pending migrations (prisma migrate deploy)
 *   npm run db:migration:new -- --name <name>   write prisma/migrations/<timestamp>_<name> from the schema diff
 *   npm run db:status                           applied / pending / failed migrations
 *   npm run db:reset [-- --force]               drop everything, migrate, seed
 *   npm run db:seed                             write the demo workspace (idempotent; plans live in code)
 *   npm run db:serve                            serve the embedded database until Ctrl-C (new: migrated, seeded)
 *
 * Migrations share Prisma's `_prisma_migrations` table, so `prisma migrate status` agrees wherever
 * the native engine is available.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import {
  createMigrationSql,
  migrationStatus,
  resetDatabase,
  writeMigration,
} from "@saas/local-postgres/migrate";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "../prisma/paths";
import {
  confirmOverwrite,
  type Database,
  migrate,
  openDatabase,
  seedAndReport,
} from "../tools/database";
import { runScript } from "../tools/run-script";

/** A migration name: lower-case words joined by `_` or `-`, as Prisma writes them. */
const migrationName = z
  .string({ error: "--name is required, e.g. --name add_projects" })
  .regex(/^[a-z0-9]+(?:[_-][a-z0-9]+)*$/, "--name uses lower-case letters, digits, _ and -")
  .max(80, "--name is at most 80 characters");

const engineOptions = (database: Database) => ({
  connectionString: database.url,
  migrationsDir: MIGRATIONS_DIR,
  schemaPath: SCHEMA_PATH,
});

const commands: Record<string, (database: Database, flags: Flags) => Promise<void>> = {
  async migrate(database) {
    const applied = await migrate(database);
    if (applied.length === 0) console.log("  ✓ database is up to date");
  },

  async "migration:new"(database, flags) {
    const name = migrationName.parse(flags.name);
    const sql = await createMigrationSql(engineOptions(database));
    if (sql === null) {
      console.log("  ✓ schema and migrations agree: no migration written");
      return;
    }
    const dir = await writeMigration(MIGRATIONS_DIR, name, sql);
    console.log(`  ✓ wrote ${dir}/migration.sql\n    review it, then run \`npm run db:migrate\``);
  },

  async status(database) {
    const status = await migrationStatus(engineOptions(database));
    console.log(`  ${status.applied.length} applied, ${status.pending.length} pending`);
    for (const name of status.pending) console.log(`  - pending: ${name}`);
    for (const name of status.failed) console.log(`  ✖ failed: ${name}`);
    for (const name of status.edited) console.log(`  ! edited after it was applied: ${name}`);
    for (const name of status.missingLocally)
      console.log(`  ! applied but not in prisma/migrations: ${name}`);
    if (status.failed.length + status.edited.length + status.missingLocally.length > 0) {
      process.exitCode = 1;
    }
  },

  async reset(database, flags) {
    if (!database.embedded) {
      await confirmOverwrite(database.url, "db:reset deletes every row of", flags.force === true);
    }
    await resetDatabase(database.url);
    console.log("  ✓ dropped every table");
    await migrate(database);
    await seedAndReport(database);
  },

  async seed(database) {
    await seedAndReport(database);
  },

  /**
   * Serves the embedded database on its own, until SIGINT or SIGTERM: several app instances and
   * workers can then share it by its URL, as they would share one PostgreSQL server.
   */
  async serve(database) {
    if (!database.embedded) {
      throw new Error("db:serve runs the embedded database: unset DATABASE_URL to use it");
    }
    if (database.joined) {
      throw new Error(`another process already serves the embedded database at ${database.url}`);
    }
    await migrate(database);
    if (database.created) await seedAndReport(database);
    console.log(`  ✓ embedded PostgreSQL ready at ${database.url} (Ctrl-C stops it)`);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
  },
};

type Flags = { name?: string; force?: boolean };

let databaseUrl: string | undefined;

runScript(
  async () => {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      options: { name: { type: "string" }, force: { type: "boolean" } },
    });
    const command = commands[positionals[0] ?? ""];
    if (!command) {
      throw new Error(
        `usage: tsx scripts/db.ts <${Object.keys(commands).join("|")}> [--name <name>] [--force]`,
      );
    }
    if (positionals[0] === "migration:new") migrationName.parse(values.name);
    const database = await openDatabase();
    databaseUrl = database.url;
    try {
      await command(database, values);
    } finally {
      await database.close();
    }
  },
  () => databaseUrl ?? process.env.DATABASE_URL,
);
