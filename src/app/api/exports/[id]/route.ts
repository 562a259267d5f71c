/**
 * `GET /api/exports/<id>`: the CSV of a finished export, for a signed-in member of its workspace
 * (session cookie). 404 `{ error: "Not found." }` alike when signed out, not a member, or the
 * export is unknown or not finished, so nobody learns whether an export exists.
 */
import { getCurrentSession } from "@/server/auth/session";
import { getExportFile } from "@/server/services/exports";
import { measuredRoute } from "@/server/telemetry/route";

export const dynamic = "force-dynamic";

const notFound = () =>
  Response.json({ error: "Not found." }, { status: 404, headers: { "Cache-Control": "no-store" } });

export const GET = measuredRoute(
  "/api/exports/[id]",
  async (_request: Request, { params }: RouteContext<"/api/exports/[id]">) => {
    const { id } = await params;
    if (!id || id.length > 64) return notFound();
    const current = await getCurrentSession();
    if (!current) return notFound();
    const file = await getExportFile(current.user.id, id);
    if (!file) return notFound();
    return new Response(file.content, {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
