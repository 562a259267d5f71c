/**
 * Test isolation: `cleanDatabaseBeforeEach()` in an integration test file empties every table (and
 * the job queue) before each test, so tests never see each other's rows. Migrations stay applied.
 */
import { beforeEach } from "vitest";
import { db } from "@/server/db";
import { BOSS_SCHEMA } from "@/server/jobs/queue";

/** Empties every table of the `public` schema except Prisma's migration history. */
export async function truncateAllTables(): Promise<void> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const list = tables.map(({ tablename }) => `"public"."${tablename.replaceAll('"', '""')}"`);
  await db.$executeRawUnsafe(`TRUNCATE TABLE ${list.join(", ")} RESTART IDENTITY CASCADE`);
  // Queued jobs of earlier tests (pg-boss's schema, created on first use).
  await db.$executeRawUnsafe(`DO $$ BEGIN
    IF to_regclass('${BOSS_SCHEMA}.job') IS NOT NULL THEN DELETE FROM ${BOSS_SCHEMA}.job; END IF;
  END $$`);
}

/** Registers {@link truncateAllTables} before each test of the calling file. */
export function cleanDatabaseBeforeEach(): void {
  beforeEach(truncateAllTables);
}
