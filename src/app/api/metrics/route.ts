/**
 * `GET /api/metrics`: this process's metrics in Prometheus' text format
 * (src/server/telemetry/metrics.ts lists them), for a scraper sending
 * `Authorization: Bearer <METRICS_TOKEN>`.
 *
 * - `METRICS_TOKEN` unset: 404, as if the route did not exist (metrics are off).
 * - Token missing or wrong: 401 with `WWW-Authenticate: Bearer` (RFC 6750 §3), compared in
 *   constant time.
 * Metrics are per process: with several app instances, scrape each one (README, "Observability").
 */
import { env } from "@/env";
import { refuseWithoutBearer } from "@/server/http/bearer";
import { scrapeMetrics } from "@/server/telemetry/scrape";
import { measuredRoute } from "@/server/telemetry/route";

export const dynamic = "force-dynamic";

export const GET = measuredRoute("/api/metrics", async (req: Request) => {
  const refused = refuseWithoutBearer(req, env.METRICS_TOKEN, "metrics");
  if (refused) return refused;
  const { contentType, body } = await scrapeMetrics();
  return new Response(body, {
    headers: { "Cache-Control": "no-store", "Content-Type": contentType },
  });
});
