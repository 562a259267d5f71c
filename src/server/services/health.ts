/**
 * Liveness and readiness (`/api/health/live`, `/api/health/ready`; README, "Health checks").
 *
 * - Live: the process answers; no dependency is asked (a restart would not fix a database outage).
 * - Ready: the database answers, every migration this build ships is applied and none failed,
 *   and the job queue (pg-boss) is installed; a load balancer sends traffic only while it is.
 *
 * Reasons name what is wrong in a sentence; they never hold a URL, a host's password or a row.
 */
import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/generated/prisma/client";
import { connectionFailureReason } from "@/server/db-errors";
import { getBoss } from "@/server/jobs/queue";

/** The outcome of one readiness check: "skipped" when an earlier one failed. */
export type CheckStatus = "ok" | "error" | "skipped";

/** The readiness report, served as JSON; `reason` is set when `status` is "error". */
export type ReadinessReport = {
  status: "ok" | "error";
  checks: { database: CheckStatus; migrations: CheckStatus; jobs: CheckStatus };
  reason?: string;
};

/** How long each check may take before it counts as failed, in ms. */
export const HEALTH_TIMEOUT_MS = 3_000;

/**
 * The migrations this build ships: `prisma/migrations` under the working directory (the
 * repository, or `.next/standalone`, where `npm run build` copies it; scripts/standalone-assets.ts).
 */
export const SHIPPED_MIGRATIONS_DIR = path.join(process.cwd(), "prisma/migrations");

/** `promise`, or a rejection "<what> did not answer within 3000 ms" when it takes longer. */
async function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new TimeoutError(`${what} did not answer within ${HEALTH_TIMEOUT_MS} ms`)),
      HEALTH_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

class TimeoutError extends Error {}

/**
 * Runs `SELECT 1` on `client` within {@link HEALTH_TIMEOUT_MS}. Never throws.
 * @returns null when the database answers, else why not (e.g. "Database unreachable: …").
 */
export async function checkDatabase(client: PrismaClient): Promise<string | null> {
  try {
    await withTimeout(client.$queryRaw`SELECT 1`, "Database");
    return null;
  } catch (error) {
    const reason = connectionFailureReason(error);
    if (reason) return `Database unreachable: ${reason}`;
    return error instanceof TimeoutError ? error.message : "Database query failed";
  }
}

/** The migration folders in `dir` (names like `20261121133817_init`), sorted. */
function shippedMigrations(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * Compares the migrations in `dir` with the database's `_prisma_migrations`. Migrations the
 * database has and this build does not are fine: a newer release applied them (expand/contract).
 * @returns null when every shipped migration is applied and none failed, else why not.
 */
export async function checkMigrations(client: PrismaClient, dir: string): Promise<string | null> {
  let shipped: string[];
  try {
    shipped = shippedMigrations(dir);
  } catch {
    return "The build's prisma/migrations directory is missing";
  }
  let rows: { migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }[];
  try {
    rows = await withTimeout(
      client.$queryRaw`SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations`,
      "Database",
    );
  } catch (error) {
    if (error instanceof TimeoutError) return error.message;
    const unreachable = connectionFailureReason(error);
    if (unreachable) return `Database unreachable: ${unreachable}`;
    return "No migration has been applied: run `npm run db:migrate`";
  }
  const failed = rows.filter((row) => !row.finished_at && !row.rolled_back_at);
  if (failed.length > 0) {
    return `Migration ${failed[0]!.migration_name} failed: resolve it, then run \`npm run db:migrate\``;
  }
  const applied = new Set(rows.filter((row) => row.finished_at).map((row) => row.migration_name));
  const pending = shipped.filter((name) => !applied.has(name));
  if (pending.length > 0) {
    return `${pending.length} migration(s) not applied (first: ${pending[0]}): run \`npm run db:migrate\``;
  }
  return null;
}

/** Whether pg-boss's schema is installed, starting this process's sender when needed. */
async function jobQueueInstalled(): Promise<boolean> {
  return (await getBoss()).isInstalled();
}

/**
 * Checks the job queue within {@link HEALTH_TIMEOUT_MS}. `installed` is the probe (tests pass
 * their own).
 * @returns null when the queue is usable, else why not.
 */
export async function checkJobQueue(
  installed: () => Promise<boolean> = jobQueueInstalled,
): Promise<string | null> {
  try {
    if (await withTimeout(installed(), "The job queue")) return null;
    return "The job queue (pg-boss) is not installed: start a worker (`npm run worker`)";
  } catch (error) {
    return error instanceof TimeoutError
      ? error.message
      : "The job queue (pg-boss) failed to start";
  }
}

/**
 * Readiness of this instance: database, then migrations and the job queue (skipped while the
 * database is down). Never throws. `options` replace the migrations directory and the job-queue
 * probe (tests).
 */
export async function checkReadiness(
  client: PrismaClient,
  options: { migrationsDir?: string; jobQueue?: () => Promise<boolean> } = {},
): Promise<ReadinessReport> {
  const database = await checkDatabase(client);
  if (database) {
    return {
      status: "error",
      checks: { database: "error", migrations: "skipped", jobs: "skipped" },
      reason: database,
    };
  }
  const [migrations, jobs] = await Promise.all([
    checkMigrations(client, options.migrationsDir ?? SHIPPED_MIGRATIONS_DIR),
    checkJobQueue(options.jobQueue),
  ]);
  const reason = [migrations, jobs].filter(Boolean).join("; ");
  return {
    status: reason ? "error" : "ok",
    checks: {
      database: "ok",
      migrations: migrations ? "error" : "ok",
      jobs: jobs ? "error" : "ok",
    },
    ...(reason ? { reason } : {}),
  };
}
