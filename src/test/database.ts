/**
 * Test isolation: `cleanDatabaseBeforeEach()` in an integration test file empties every table before
 * each test, so tests never see each other's rows. Migrations stay applied.
 */
import { beforeEach } from "vitest";
import { db } from "@/server/db";

/** Empties every table of the `public` schema except Prisma's migration history. */
export async function truncateAllTables(): Promise<void> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const list = tables.map(({ tablename }) => `"public"."${tablename.replaceAll('"', '""')}"`);
  await db.$executeRawUnsafe(`TRUNCATE TABLE ${list.join(", ")} RESTART IDENTITY CASCADE`);
}

/** Registers {@link truncateAllTables} before each test of the calling file. */
export function cleanDatabaseBeforeEach(): void {
  beforeEach(truncateAllTables);
}
