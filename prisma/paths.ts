/**
 * Where the Prisma schema and its migrations are (as prisma.config.ts names them), as absolute
 * paths for the migrator (`@saas/local-postgres/migrate`): the scripts, the test setup and the
 * migration tests.
 */
import path from "node:path";

export const SCHEMA_PATH = path.join(import.meta.dirname, "schema.prisma");
export const MIGRATIONS_DIR = path.join(import.meta.dirname, "migrations");
