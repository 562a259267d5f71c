/**
 * The package on its own, with a schema of its own: the embedded server answers `pg` like a
 * PostgreSQL server, under concurrent parameterised queries too, and the migrator writes, applies
 * and reports migrations for it.
 */
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedDatabase, startEmbeddedDatabase } from "./index";
import {
  applyPendingMigrations,
  createMigrationSql,
  migrationStatus,
  writeMigration,
} from "./migrate";

const SCHEMA = `datasource db {
  provider = "postgresql"
}

model Note {
  id   Int    @id @default(autoincrement())
  body String
}
`;

let database: EmbeddedDatabase;
let workDir: string;

beforeAll(async () => {
  database = await startEmbeddedDatabase({ dataDir: "memory://", port: 0 });
  workDir = await mkdtemp(path.join(tmpdir(), "local-postgres-"));
});

afterAll(async () => {
  await database.close();
  await rm(workDir, { recursive: true, force: true });
});

describe("the embedded server", () => {
  it("is a new database on a free loopback port", () => {
    expect(database.created).toBe(true);
    expect(database.joined).toBe(false);
    expect(database.url).toMatch(/^postgresql:\/\/postgres:postgres@127\.0\.0\.1:\d+\/postgres/);
  });

  // pglite-socket's own queue interleaves connections' extended-protocol messages once a
  // transaction is open beside plain queries: `portal "" does not exist` (pglite-queue.ts).
  it("answers concurrent parameterised queries and transactions, each with its own result", async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    const idleErrors: unknown[] = [];
    pool.on("error", (error) => idleErrors.push(error));
    const inTransaction = async (i: number) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const { rows } = await client.query<{ n: number }>("SELECT $1::int AS n", [i]);
        await client.query("COMMIT");
        return rows[0]?.n;
      } finally {
        client.release();
      }
    };
    const plain = async (i: number) =>
      (await pool.query<{ n: number }>("SELECT $1::int AS n, $2::text AS t", [i, `x${i}`])).rows[0]
        ?.n;
    try {
      const values = Array.from({ length: 200 }, (_, i) => i);
      const results = await Promise.all(values.map((i) => (i % 2 ? plain(i) : inTransaction(i))));
      expect(results).toEqual(values);
      expect(idleErrors).toEqual([]);
    } finally {
      await pool.end();
    }
  });
});

describe("the migrator", () => {
  it("writes the first migration from an empty database, applies it once, then finds nothing to do", async () => {
    const options = {
      connectionString: database.url,
      migrationsDir: path.join(workDir, "migrations"),
      schemaPath: path.join(workDir, "schema.prisma"),
    };
    await writeFile(options.schemaPath, SCHEMA);

    const sql = await createMigrationSql(options);
    expect(sql).toContain('CREATE TABLE "Note"');
    const folder = await writeMigration(options.migrationsDir, "init", sql!);
    expect(folder).toMatch(/^\d{14}_init$/);
    expect((await readdir(options.migrationsDir)).sort()).toEqual([folder, "migration_lock.toml"]);

    await expect(applyPendingMigrations(options)).resolves.toEqual([folder]);
    await expect(applyPendingMigrations(options)).resolves.toEqual([]);
    const status = await migrationStatus(options);
    expect(status).toMatchObject({ applied: [folder], pending: [], failed: [], edited: [] });
    await expect(createMigrationSql(options)).resolves.toBeNull();
  });
});
