/**
 * HTTP metrics of the app's own API routes: `measuredRoute("/api/trpc", handler)` records each
 * request's duration, method and status in `http_server_request_duration_seconds`
 * (src/server/telemetry/metrics.ts), labelled with the route's template, never its URL (bounded
 * label values). The duration runs until the handler returns its `Response` (headers ready); a
 * streamed body is not waited for. A handler that throws counts as 500, as Next answers it.
 * Spans of these requests are Next's own (`GET /api/trpc/[trpc]`) once tracing is on.
 */
import "server-only";
import { recordHttpRequest } from "@/server/telemetry/metrics";

/** `handler`, measured under the route template `route` (e.g. "/api/exports/[id]"). */
export function measuredRoute<Rest extends unknown[]>(
  route: string,
  handler: (req: Request, ...rest: Rest) => Promise<Response>,
): (req: Request, ...rest: Rest) => Promise<Response> {
  return async (req, ...rest) => {
    const start = performance.now();
    let status = 500;
    try {
      const response = await handler(req, ...rest);
      status = response.status;
      return response;
    } finally {
      recordHttpRequest(route, req.method, status, performance.now() - start);
    }
  };
}
