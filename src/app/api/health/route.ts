/**
 * `GET /api/health`: the readiness check under its first name, for existing probes; the same as
 * `/api/health/ready` (prefer it, and `/api/health/live` for liveness).
 */
import { readinessResponse } from "@/server/http/readiness";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return readinessResponse();
}
