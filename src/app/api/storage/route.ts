/**
 * `POST /api/storage`: the local storage driver's presigned upload, as S3's presigned POST works —
 * multipart/form-data with the fields `presignedUpload` returned, then `file`. The signed policy
 * fixes the key, the Content-Type and the size limit; the file streams to disk and is refused
 * past the limit. 204 when stored; 400/403 `{ error, code }` otherwise; 404 when the driver is S3.
 */
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { getLocalStorage } from "@/server/storage";
import { UploadRejectedError } from "@/server/storage/local";
import { measuredRoute } from "@/server/telemetry/route";

export const dynamic = "force-dynamic";

export const POST = measuredRoute("/api/storage", async (request: Request) => {
  const storage = getLocalStorage();
  if (!storage || !request.body) return Response.json({ error: "Not found." }, { status: 404 });
  try {
    await storage.receiveUpload(
      request.headers.get("content-type") ?? "",
      Readable.fromWeb(request.body as NodeReadableStream),
    );
    return new Response(null, { status: 204 });
  } catch (caught) {
    if (caught instanceof UploadRejectedError) {
      return Response.json({ error: caught.message, code: caught.code }, { status: caught.status });
    }
    throw caught;
  }
});
