/**
 * `GET /api/health`: 200 `{ status: "ok", db: "ok" }`, or 503 with the database failure summarised.
 */
import { env } from "@/env";
import { db } from "@/server/db";
import { databaseAddress } from "@/server/db-errors";
import { logger } from "@/server/log";
import { checkHealth } from "@/server/services/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const report = await checkHealth(db);
  if (report.status !== "ok") {
    logger.error(
      { reason: report.error, database: databaseAddress(env.DATABASE_URL) },
      "health check failed",
    );
  }
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
