/**
 * `POST /api/internal/revalidate`: refreshes the cached public content pages (blog, changelog,
 * feed, sitemap: src/server/content/revalidate.ts), for the job worker after it published
 * scheduled posts. `Authorization: Bearer <REVALIDATE_TOKEN>`; 204 when done, 401 for a missing
 * or wrong token, 404 when no token is configured (the route is off).
 */
import { env } from "@/env";
import { revalidatePublicContent } from "@/server/content/revalidate";
import { hasBearerToken } from "@/server/http/bearer";
import { measuredRoute } from "@/server/telemetry/route";

export const dynamic = "force-dynamic";

export const POST = measuredRoute("/api/internal/revalidate", async (req: Request) => {
  const token = env.REVALIDATE_TOKEN;
  const headers = { "Cache-Control": "no-store" };
  if (!token) return new Response("Not found", { status: 404, headers });
  if (!hasBearerToken(req.headers.get("authorization"), token)) {
    return new Response("Unauthorized", {
      status: 401,
      headers: { ...headers, "WWW-Authenticate": 'Bearer realm="revalidate"' },
    });
  }
  revalidatePublicContent();
  return new Response(null, { status: 204, headers });
});
