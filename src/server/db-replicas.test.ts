/**
 * Read replicas against a real streaming replica of the machine's PostgreSQL 15 (127.0.0.1:5432):
 * `pg_basebackup -R` into a temporary directory, started on a free port with `pg_ctl`. Replay is
 * paused to make replica reads observable (they miss rows the primary has), then the replica is
 * stopped to check reads fall back to the primary.
 *
 * Needs the server to allow replication connections from 127.0.0.1 (`.ci/run` adds
 * `host replication all 127.0.0.1/32 trust` to pg_hba.conf). Skipped, saying so, on a machine
 * without /usr/lib/postgresql/15/bin or a server on 5432 (a developer's laptop: the embedded
 * database has no replicas).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { chown, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { applyPendingMigrations } from "@saas/local-postgres/migrate";
import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient } from "@/server/db-client";
import {
  createCallerFactory,
  createTRPCContext,
  createTRPCRouter,
  publicProcedure,
} from "@/server/api/init";
import {
  readFromPrimary,
  readYourWrites,
  REPLICA_RETRY_AFTER_MS,
  withReadReplicas,
} from "@/server/db-replicas";
import { closedPort } from "@/test/net";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "../../prisma/paths";

const run = promisify(execFile);
const PG_BIN = "/usr/lib/postgresql/15/bin";
const ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

async function serverAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const available = existsSync(`${PG_BIN}/pg_ctl`) && (await serverAnswers());
const title = available
  ? "read replicas (streaming replica of 127.0.0.1:5432)"
  : `read replicas — skipped: needs ${PG_BIN} and PostgreSQL on 127.0.0.1:5432`;

/** Runs a PostgreSQL program as the `postgres` user (they refuse to run as root). */
function asPostgres(program: string, args: string[]) {
  const command = process.getuid?.() === 0 ? "runuser" : `${PG_BIN}/${program}`;
  const argv =
    process.getuid?.() === 0 ? ["-u", "postgres", "--", `${PG_BIN}/${program}`, ...args] : args;
  return run(command, argv, { timeout: 60_000 });
}

describe.runIf(available)(title, () => {
  const database = `replica_test_${process.pid}`;
  let workDir: string;
  let dataDir: string;
  let replicaRunning = false;
  let admin: pg.Client;
  let primaryUrl: string;
  let replicaUrl: string;
  let client: PrismaClient;
  const fallbacks: string[] = [];

  /** A query on the replica itself (pg, not Prisma). */
  async function onReplica(sql: string) {
    const c = new pg.Client({ connectionString: replicaUrl });
    await c.connect();
    try {
      return (await c.query(sql)).rows;
    } finally {
      await c.end();
    }
  }

  /** Waits until the replica has replayed everything the primary has written so far. */
  async function caughtUp() {
    const { rows } = await admin.query<{ lsn: string }>("SELECT pg_current_wal_lsn() AS lsn");
    for (let i = 0; i < 200; i++) {
      const [row] = await onReplica(
        `SELECT pg_last_wal_replay_lsn() >= '${rows[0]!.lsn}'::pg_lsn AS done`,
      );
      if (row.done) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("the replica did not catch up within 10 s");
  }

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
    primaryUrl = `postgresql://postgres@127.0.0.1:5432/${database}`;
    await applyPendingMigrations({
      connectionString: primaryUrl,
      migrationsDir: MIGRATIONS_DIR,
      schemaPath: SCHEMA_PATH,
    });

    workDir = await mkdtemp(path.join(tmpdir(), "replica-"));
    if (process.getuid?.() === 0) {
      const { stdout } = await run("id", ["-u", "postgres"]);
      const { stdout: gid } = await run("id", ["-g", "postgres"]);
      await chown(workDir, Number(stdout), Number(gid));
    }
    dataDir = path.join(workDir, "data");
    try {
      await asPostgres("pg_basebackup", [
        "-R",
        "--checkpoint=fast",
        "-X",
        "stream",
        "-D",
        dataDir,
        "-h",
        "127.0.0.1",
        "-p",
        "5432",
        "-U",
        "postgres",
      ]);
    } catch (error) {
      throw new Error(
        "pg_basebackup failed; the server must allow replication from 127.0.0.1 " +
          "(pg_hba.conf: host replication all 127.0.0.1/32 trust, as .ci/run adds): " +
          String((error as { stderr?: string }).stderr || error),
      );
    }
    // Debian keeps postgresql.conf and pg_hba.conf in /etc: the copy needs its own.
    const port = await closedPort();
    const conf = [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${workDir}'`,
      "hot_standby = on",
      "max_connections = 100",
      "shared_buffers = 16MB",
      "",
    ].join("\n");
    await writeFile(path.join(dataDir, "postgresql.conf"), conf);
    await writeFile(path.join(dataDir, "pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
    if (process.getuid?.() === 0) await run("chown", ["-R", "postgres:postgres", dataDir]);
    await asPostgres("pg_ctl", [
      "-D",
      dataDir,
      "-l",
      path.join(workDir, "replica.log"),
      "-w",
      "start",
    ]);
    replicaRunning = true;
    replicaUrl = `postgresql://postgres@127.0.0.1:${port}/${database}`;

    const pool = { max: 2, connectionTimeoutMs: 2_000 };
    client = withReadReplicas(
      createPrismaClient({ connectionString: primaryUrl, ...pool }),
      [createPrismaClient({ connectionString: replicaUrl, ...pool })],
      { onFallback: (_, reason) => fallbacks.push(reason) },
    );
  }, 120_000);

  afterAll(async () => {
    await client?.$disconnect();
    if (replicaRunning) await asPostgres("pg_ctl", ["-D", dataDir, "-m", "immediate", "stop"]);
    if (workDir) await rm(workDir, { recursive: true, force: true });
    await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin?.end();
  }, 60_000);

  it("reads from the replica inside readYourWrites, and from the primary after a write or when pinned", async () => {
    expect(await onReplica("SELECT pg_is_in_recovery() AS standby")).toEqual([{ standby: true }]);
    await caughtUp();
    await onReplica("SELECT pg_wal_replay_pause()");
    try {
      // Written on the primary; the paused replica does not have it.
      await client.rateLimiterFlexible.create({ data: { key: "fresh", points: 1 } });
      const find = () => client.rateLimiterFlexible.findUnique({ where: { key: "fresh" } });

      expect(await readYourWrites(find)).toBeNull(); // served by the replica
      expect(await find()).toMatchObject({ points: 1 }); // outside a scope: the primary
      expect(await readYourWrites(() => readFromPrimary(find))).toMatchObject({ points: 1 });
      expect(
        await readYourWrites(async () => {
          const before = await find();
          await client.rateLimiterFlexible.update({ where: { key: "fresh" }, data: { points: 2 } });
          return [before, await find()];
        }),
      ).toEqual([null, expect.objectContaining({ points: 2 })]);
      // Transactions stay on the primary.
      expect(
        await readYourWrites(() => client.$transaction((tx) => tx.rateLimiterFlexible.count())),
      ).toBe(1);
    } finally {
      await onReplica("SELECT pg_wal_replay_resume()");
    }
    await caughtUp();
    expect(
      await readYourWrites(() =>
        client.rateLimiterFlexible.findUnique({ where: { key: "fresh" } }),
      ),
    ).toMatchObject({ points: 2 });
    expect(fallbacks).toEqual([]);
  });

  it("sends tRPC queries' reads to the replica and mutations' to the primary", async () => {
    const find = () => client.rateLimiterFlexible.findUnique({ where: { key: "trpc" } });
    const router = createTRPCRouter({
      read: publicProcedure.query(find),
      readAfterWrite: publicProcedure.mutation(find),
    });
    const caller = createCallerFactory(router)(await createTRPCContext({ headers: new Headers() }));
    await onReplica("SELECT pg_wal_replay_pause()");
    try {
      await client.rateLimiterFlexible.create({ data: { key: "trpc", points: 1 } });
      expect(await caller.read()).toBeNull();
      expect(await caller.readAfterWrite()).toMatchObject({ points: 1 });
    } finally {
      await onReplica("SELECT pg_wal_replay_resume()");
    }
    await caughtUp();
    expect(await caller.read()).toMatchObject({ points: 1 });
  });

  it("falls back to the primary when the replica goes away", { timeout: 60_000 }, async () => {
    await asPostgres("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
    replicaRunning = false;
    const read = () =>
      readYourWrites(() => client.rateLimiterFlexible.findMany({ orderBy: { key: "asc" } }));
    const rows = [
      expect.objectContaining({ key: "fresh", points: 2 }),
      expect.objectContaining({ key: "trpc", points: 1 }),
    ];
    expect(await read()).toEqual(rows);
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0]).toMatch(/not reachable|refused|closed|shutting down/);
    // Skipped for a while now: the next read goes straight to the primary.
    expect(await read()).toEqual(rows);
    expect(fallbacks).toHaveLength(1);
  });

  it("uses the replica again once it is back, after REPLICA_RETRY_AFTER_MS", async () => {
    await asPostgres("pg_ctl", [
      "-D",
      dataDir,
      "-l",
      path.join(workDir, "replica.log"),
      "-w",
      "start",
    ]);
    replicaRunning = true;
    await caughtUp();
    await onReplica("SELECT pg_wal_replay_pause()");
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      await client.rateLimiterFlexible.create({ data: { key: "back", points: 1 } });
      const find = () =>
        readYourWrites(() => client.rateLimiterFlexible.findUnique({ where: { key: "back" } }));
      expect(await find()).toMatchObject({ points: 1 }); // still skipped: the primary
      vi.setSystemTime(Date.now() + REPLICA_RETRY_AFTER_MS);
      expect(await find()).toBeNull(); // the paused replica again
    } finally {
      vi.useRealTimers();
      await onReplica("SELECT pg_wal_replay_resume()");
    }
    expect(fallbacks).toHaveLength(1);
  });
});
