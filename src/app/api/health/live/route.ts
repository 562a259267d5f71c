/**
 * `GET /api/health/live`: 200 `{ "status": "ok" }` while the process answers. It asks no
 * dependency: an orchestrator restarts an instance that fails it, and a restart does not fix a
 * database outage (that is `/api/health/ready`'s business).
 */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
