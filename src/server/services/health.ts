/**
 * Liveness of the app and its database, for `GET /api/health` and load balancers.
 */
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { connectionFailureReason } from "@/server/db-errors";

/** The health report. `error` summarises a database failure; it never holds a URL or secret. */
export type HealthReport =
  { status: "ok"; db: "ok" } | { status: "error"; db: "unreachable" | "error"; error: string };

/** How long the database probe may take before the database counts as down, in ms. */
export const HEALTH_TIMEOUT_MS = 3_000;

/**
 * Runs `SELECT 1` on `client` within {@link HEALTH_TIMEOUT_MS}. Never throws.
 */
export async function checkHealth(client: PrismaClient): Promise<HealthReport> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`database probe timed out after ${HEALTH_TIMEOUT_MS} ms`)),
      HEALTH_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([client.$queryRaw`SELECT 1`, timeout]);
    return { status: "ok", db: "ok" };
  } catch (error) {
    const reason = connectionFailureReason(error);
    if (reason)
      return { status: "error", db: "unreachable", error: `Database unreachable: ${reason}` };
    const timedOut = error instanceof Error && error.message.includes("timed out");
    return {
      status: "error",
      db: "error",
      error: timedOut
        ? `Database did not answer within ${HEALTH_TIMEOUT_MS} ms`
        : "Database query failed",
    };
  } finally {
    clearTimeout(timer);
  }
}
