/**
 * `GET /api/health/ready`: 200 `{ status: "ok", checks: { database, migrations, jobs } }` when this
 * instance can serve (src/server/services/health.ts), else 503 with the failed checks and a
 * `reason`, e.g. `{ "status": "error", "checks": { "database": "error", "migrations": "skipped",
 * "jobs": "skipped" }, "reason": "Database unreachable: server not reachable" }`. For load
 * balancers and deploys: send traffic only while it answers 200.
 */
import { readinessResponse } from "@/server/http/readiness";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return readinessResponse();
}
