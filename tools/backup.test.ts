/**
 * Backup round trips on real databases: migrate and seed, back up, wipe, restore, then every
 * table's row count and a checksum of all its rows must equal what they were before the backup.
 * The embedded database always; a PostgreSQL server when `TEST_DATABASE_URL` names one (the
 * `.ci/run` PostgreSQL lane), in a scratch database of its own beside the test database.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "@saas/local-postgres";
import { applyPendingMigrations, resetDatabase } from "@saas/local-postgres/migrate";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "../prisma/paths";
import { backupDatabase, libpqConnection, restoreDatabase } from "./backup";
import { seedDatabase } from "./database";

/** Row count and an md5 of every row (in a fixed order) of each table of the public schema. */
async function snapshot(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    const result: Record<string, { rows: number; md5: string }> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ rows: string; md5: string | null }>(
        `SELECT count(*) AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5
         FROM "public"."${name}" t`,
      );
      const [row] = rows;
      result[name] = { rows: Number(row!.rows), md5: row!.md5 ?? "" };
    }
    return result;
  } finally {
    await client.end();
  }
}

async function migrateAndSeed(url: string): Promise<void> {
  await applyPendingMigrations({
    connectionString: url,
    migrationsDir: MIGRATIONS_DIR,
    schemaPath: SCHEMA_PATH,
  });
  await seedDatabase({ url, embedded: false, created: true, joined: false, close: async () => {} });
}

/** Asserts the snapshot is of a seeded database: the demo users and projects are there. */
function expectSeeded(before: Awaited<ReturnType<typeof snapshot>>) {
  expect(before.User?.rows).toBeGreaterThan(0);
  expect(before.Project?.rows).toBeGreaterThan(0);
  expect(before._prisma_migrations?.rows).toBeGreaterThan(0);
}

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "backup-test-"));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe("embedded database backup", () => {
  it("restores every row after the database was wiped", { timeout: 120_000 }, async () => {
    const location = { kind: "embedded" as const, dataDir: path.join(workDir, "pglite"), port: 0 };
    const file = path.join(workDir, "embedded.tar.gz");

    let server = await startEmbeddedDatabase({ dataDir: location.dataDir, port: 0 });
    await migrateAndSeed(server.url);
    const before = await snapshot(server.url);
    await server.close();
    expectSeeded(before);

    expect(await backupDatabase(location, file)).toBeGreaterThan(0);

    server = await startEmbeddedDatabase({ dataDir: location.dataDir, port: 0 });
    await resetDatabase(server.url);
    expect(await snapshot(server.url)).toEqual({});
    await server.close();

    await restoreDatabase(location, file);
    server = await startEmbeddedDatabase({ dataDir: location.dataDir, port: 0 });
    try {
      expect(await snapshot(server.url)).toEqual(before);
    } finally {
      await server.close();
    }
  });

  it("refuses a file that is not an embedded backup and keeps the database", async () => {
    const location = { kind: "embedded" as const, dataDir: path.join(workDir, "kept"), port: 0 };
    const junk = path.join(workDir, "junk.tar.gz");
    await writeFile(junk, "PGDMP not really");
    await expect(restoreDatabase(location, junk)).rejects.toThrow(
      "is a PostgreSQL dump: set DATABASE_URL to restore it into a server",
    );
    await writeFile(junk, "plain text");
    await expect(restoreDatabase(location, junk)).rejects.toThrow(
      "is not a backup of the embedded database",
    );
  });

  it("refuses to back up a database another process is serving", async () => {
    const dataDir = path.join(workDir, "pglite"); // the first test's, already created
    const server = await startEmbeddedDatabase({ dataDir, port: 0 });
    try {
      const port = Number(new URL(server.url).port);
      await expect(
        backupDatabase({ kind: "embedded", dataDir, port }, path.join(workDir, "x.tar.gz")),
      ).rejects.toThrow(`the embedded database is being served on port ${port}`);
    } finally {
      await server.close();
    }
  });
});

describe("libpqConnection", () => {
  it("moves the password to PGPASSWORD and drops Prisma-only parameters", () => {
    expect(
      libpqConnection(
        "postgresql://app:s%40cret@db.internal:6432/saas?schema=public&sslmode=require",
      ),
    ).toEqual({
      dbname: "postgresql://app@db.internal:6432/saas?sslmode=require",
      env: { PGPASSWORD: "s@cret" },
    });
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe.runIf(serverUrl)("PostgreSQL server backup (TEST_DATABASE_URL)", () => {
  const scratch = `backup_test_${process.pid}`;
  let admin: pg.Client;
  let url: string;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${scratch}`);
    const parsed = new URL(serverUrl!);
    parsed.pathname = `/${scratch}`;
    url = parsed.toString();
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.end();
  });

  it(
    "pg_dump / pg_restore restore every row after the schema was wiped",
    {
      timeout: 120_000,
    },
    async () => {
      const file = path.join(workDir, "server.dump");
      await migrateAndSeed(url);
      const before = await snapshot(url);
      expectSeeded(before);

      expect(await backupDatabase({ kind: "server", url }, file)).toBeGreaterThan(0);
      await resetDatabase(url);
      expect(await snapshot(url)).toEqual({});

      await restoreDatabase({ kind: "server", url }, file);
      expect(await snapshot(url)).toEqual(before);
    },
  );

  it("refuses an embedded backup", async () => {
    const file = path.join(workDir, "fake.tar.gz");
    await writeFile(file, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00]));
    await expect(restoreDatabase({ kind: "server", url }, file)).rejects.toThrow(
      "is an embedded-database backup: unset DATABASE_URL to restore it",
    );
  });
});
