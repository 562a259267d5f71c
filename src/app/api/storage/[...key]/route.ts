/**
 * `GET /api/storage/<key>?expires=&name=&signature=`: one object of the local storage driver, for
 * whoever holds an unexpired URL signed by it (`signedGetUrl`), as an S3 presigned GET works.
 * 403 for a missing, wrong or expired signature; 404 when the object is gone or the driver is S3.
 */
import { Readable } from "node:stream";
import { getLocalStorage } from "@/server/storage";
import { attachmentDisposition } from "@/server/storage/s3";
import { InvalidStorageKeyError, StorageNotFoundError } from "@/server/storage/types";
import { measuredRoute } from "@/server/telemetry/route";

export const dynamic = "force-dynamic";

const error = (status: number, message: string) =>
  Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });

export const GET = measuredRoute(
  "/api/storage/[...key]",
  async (request: Request, { params }: RouteContext<"/api/storage/[...key]">) => {
    const storage = getLocalStorage();
    if (!storage) return error(404, "Not found.");
    const key = (await params).key.join("/");
    const query = new URL(request.url).searchParams;
    try {
      if (!storage.verifyGetUrl(key, query)) {
        return error(403, "The link is invalid or has expired.");
      }
      const object = await storage.head(key);
      if (!object) return error(404, "Not found.");
      const body = await storage.get(key);
      const name = query.get("name");
      const expires = Number(query.get("expires"));
      const maxAge = Math.max(0, expires - Math.floor(Date.now() / 1000));
      return new Response(Readable.toWeb(body as Readable) as ReadableStream, {
        status: 200,
        headers: {
          "Content-Type": object.contentType,
          "Content-Length": String(object.size),
          ...(name ? { "Content-Disposition": attachmentDisposition(name) } : {}),
          // The URL itself expires; the browser may keep the bytes until then (objects are
          // immutable: a new picture gets a new key).
          "Cache-Control": `private, max-age=${maxAge}, immutable`,
          "X-Content-Type-Options": "nosniff",
          "Content-Security-Policy": "default-src 'none'; sandbox",
        },
      });
    } catch (caught) {
      if (caught instanceof StorageNotFoundError) return error(404, "Not found.");
      if (caught instanceof InvalidStorageKeyError) return error(404, "Not found.");
      throw caught;
    }
  },
);
