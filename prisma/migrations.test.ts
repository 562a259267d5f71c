import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { type EmbeddedDatabase, startEmbeddedDatabase } from "@saas/local-postgres";
import {
  applyPendingMigrations,
  createMigrationSql,
  migrationStatus,
  writeMigration,
} from "@saas/local-postgres/migrate";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "./paths";

describe("the repository's migrations", () => {
  const options = () => ({
    connectionString: inject("databaseUrl"),
    migrationsDir: MIGRATIONS_DIR,
    schemaPath: SCHEMA_PATH,
  });

  it("are all applied to the test database", async () => {
    const status = await migrationStatus(options());
    expect(status.pending).toEqual([]);
    expect(status.failed).toEqual([]);
    expect(status.applied).toEqual(status.local);
    expect(status.local.length).toBeGreaterThan(0);
  });

  it("match prisma/schema.prisma (a schema change without its migration fails here)", async () => {
    await expect(createMigrationSql(options())).resolves.toBeNull();
  });
});

describe("migrating a fresh database", () => {
  let database: EmbeddedDatabase;
  let workDir: string;

  beforeAll(async () => {
    database = await startEmbeddedDatabase({ dataDir: "memory://", port: 0 });
    workDir = await mkdtemp(path.join(tmpdir(), "migrations-"));
    await cp(MIGRATIONS_DIR, path.join(workDir, "migrations"), { recursive: true });
  });

  afterAll(async () => {
    await database.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it("applies every migration once, then nothing, then only a new schema change", async () => {
    const options = {
      connectionString: database.url,
      migrationsDir: path.join(workDir, "migrations"),
      schemaPath: path.join(workDir, "schema.prisma"),
    };
    await writeFile(options.schemaPath, await readFile(SCHEMA_PATH, "utf8"));

    const first = await applyPendingMigrations(options);
    expect(first).toEqual((await migrationStatus(options)).local);
    await expect(applyPendingMigrations(options)).resolves.toEqual([]);

    const schema = await readFile(options.schemaPath, "utf8");
    await writeFile(
      options.schemaPath,
      schema.replace("  status      ProjectStatus", "  badge String?\n  status      ProjectStatus"),
    );
    const sql = await createMigrationSql(options);
    expect(sql).toContain('ALTER TABLE "Project" ADD COLUMN     "badge" TEXT;');
    expect(sql).not.toMatch(/CREATE TABLE|DROP/);

    const name = await writeMigration(options.migrationsDir, "add_badge", sql!);
    await expect(applyPendingMigrations(options)).resolves.toEqual([path.basename(name)]);
    await expect(createMigrationSql(options)).resolves.toBeNull();
  });
});
