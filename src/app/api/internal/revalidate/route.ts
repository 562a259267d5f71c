/**
 * `POST /api/internal/revalidate`: refreshes the cached public content pages (blog, changelog,
 * feed, sitemap: src/server/content/revalidate.ts), for the job worker after it published
 * scheduled posts. `Authorization: Bearer <REVALIDATE_TOKEN>`; 204 when done, 401 for a missing
 * or wrong token, 404 when no token is configured (the route is off).
 */
import { env } from "@/env";
import { revalidatePublicContent } from "@/server/content/revalidate";
import { refuseWithoutBearer } from "@/server/http/bearer";
import { measuredRoute } from "@/server/telemetry/route";

export const dynamic = "force-dynamic";

export const POST = measuredRoute("/api/internal/revalidate", async (req: Request) => {
  const refused = refuseWithoutBearer(req, env.REVALIDATE_TOKEN, "revalidate");
  if (refused) return refused;
  revalidatePublicContent();
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
