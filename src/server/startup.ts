/**
 * Start-up check of the Next server (called from `src/instrumentation.ts`).
 */
import "server-only";
import { env } from "@/env";
import { db } from "@/server/db";
import { databaseAddress } from "@/server/db-errors";
import { checkHealth } from "@/server/services/health";

/**
 * Probes the database and prints one line when it does not answer. The server keeps running:
 * pages and `/api/health` report the outage, and the pool reconnects when the database returns.
 */
export async function checkDatabaseOnStart(): Promise<void> {
  const report = await checkHealth(db);
  if (report.status !== "ok") {
    console.error(`✖ ${report.error} at ${databaseAddress(env.DATABASE_URL)}`);
  }
}
