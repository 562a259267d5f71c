/**
 * The response of the readiness endpoints (`/api/health/ready`, and `/api/health` for existing
 * probes): the report of src/server/services/health.ts, 200 or 503, never cached; a failure is
 * logged with the database's host and port (never its password).
 */
import "server-only";
import { env } from "@/env";
import { db } from "@/server/db";
import { databaseAddress } from "@/server/db-errors";
import { logger } from "@/server/log";
import { checkReadiness } from "@/server/services/health";

export async function readinessResponse(): Promise<Response> {
  const report = await checkReadiness(db);
  if (report.status !== "ok") {
    logger.error(
      { reason: report.reason, checks: report.checks, database: databaseAddress(env.DATABASE_URL) },
      "readiness check failed",
    );
  }
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
