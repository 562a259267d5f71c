import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { closedPort } from "@/test/net";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/server/db-client";
import { db } from "@/server/db";
import {
  checkDatabase,
  checkJobQueue,
  checkReadiness,
  SHIPPED_MIGRATIONS_DIR,
} from "@/server/services/health";

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the shipped migrations plus `extra` folders (a build newer than the database). */
function migrationsWith(extra: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
  dirs.push(dir);
  cpSync(SHIPPED_MIGRATIONS_DIR, dir, { recursive: true });
  for (const name of extra) mkdirSync(path.join(dir, name));
  return dir;
}

describe("checkReadiness", () => {
  it("is ok when the database answers, has every shipped migration and the queue is installed", async () => {
    await expect(checkReadiness(db)).resolves.toEqual({
      status: "ok",
      checks: { database: "ok", migrations: "ok", jobs: "ok" },
    });
  });

  it("names a migration the build ships and the database lacks", async () => {
    const migrationsDir = migrationsWith(["29991231000000_future_column"]);
    await expect(checkReadiness(db, { migrationsDir })).resolves.toEqual({
      status: "error",
      checks: { database: "ok", migrations: "error", jobs: "ok" },
      reason:
        "1 migration(s) not applied (first: 29991231000000_future_column): run `npm run db:migrate`",
    });
  });

  it("accepts migrations the database has and the build does not (a newer release's)", async () => {
    const migrationsDir = mkdtempSync(path.join(tmpdir(), "migrations-"));
    dirs.push(migrationsDir);
    await expect(checkReadiness(db, { migrationsDir })).resolves.toMatchObject({ status: "ok" });
  });

  it("reports a job queue that is not installed, or does not answer", async () => {
    const report = await checkReadiness(db, { jobQueue: async () => false });
    expect(report).toMatchObject({
      status: "error",
      checks: { database: "ok", migrations: "ok", jobs: "error" },
    });
    expect(report.reason).toMatch(/not installed/);
    await expect(checkJobQueue(() => Promise.reject(new Error("boom")))).resolves.toBe(
      "The job queue (pg-boss) failed to start",
    );
  });

  it("skips the other checks while the database is down, with no URL or password in the reason", async () => {
    const port = await closedPort();
    const client = createPrismaClient({
      connectionString: `postgresql://app:s3cret@127.0.0.1:${port}/app`,
      max: 1,
      connectionTimeoutMs: 1_000,
    });
    try {
      const report = await checkReadiness(client);
      expect(report).toEqual({
        status: "error",
        checks: { database: "error", migrations: "skipped", jobs: "skipped" },
        reason: "Database unreachable: server not reachable",
      });
      expect(JSON.stringify(report)).not.toMatch(/s3cret|postgresql:/);
      await expect(checkDatabase(client)).resolves.toBe(
        "Database unreachable: server not reachable",
      );
    } finally {
      await client.$disconnect();
    }
  });
});
