/**
 * `process-picture`: makes the sizes of an uploaded avatar or logo (src/server/pictures/process.ts),
 * stores them beside the original (`<prefix>/64.webp`, `/256.webp`), points the user's `avatarKey`
 * or the workspace's `logoKey` at them, and deletes the original and the previous picture's files.
 * A picture that cannot be processed ends `failed` with the reason (not retried); a storage or
 * database error is retried (2 more times, backoff from 5 s), and the last attempt marks it failed.
 */
import "server-only";
import type { Job } from "pg-boss";
import { z } from "zod";
import { PICTURE_SIZES } from "@/schemas/upload";
import { db } from "@/server/db";
import { PictureRejectedError, renderPicture } from "@/server/pictures/process";
import { getStorage } from "@/server/storage";
import { enqueue } from "./queue";
import { defineJob } from "./types";

const RETRY_LIMIT = 2;

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function fail(uploadId: string, key: string, error: string) {
  await db.upload.updateMany({
    where: { id: uploadId, status: "processing" },
    data: { status: "failed", error },
  });
  await getStorage().delete(key);
}

export const processPictureJob = defineJob({
  name: "process-picture",
  schema: z.object({ uploadId: z.string().min(1) }),
  queue: {
    retryLimit: RETRY_LIMIT,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 120,
  },
  async handle({ uploadId }, job: Job<unknown>) {
    const upload = await db.upload.findUnique({ where: { id: uploadId } });
    if (!upload || upload.status !== "processing") return { skipped: "not processing" };
    const storage = getStorage();
    const prefix = upload.key.replace(/\/original$/, "");
    try {
      let sizes;
      try {
        sizes = await renderPicture(await readAll(await storage.get(upload.key)));
      } catch (error) {
        if (!(error instanceof PictureRejectedError)) throw error;
        await fail(upload.id, upload.key, error.message);
        return { failed: error.message };
      }
      let stored = 0;
      for (const size of PICTURE_SIZES) {
        await storage.put(`${prefix}/${size}.webp`, sizes[size], { contentType: "image/webp" });
        stored += sizes[size].length;
      }
      const previous = await db.$transaction(async (tx) => {
        const current = await tx.upload.updateMany({
          where: { id: upload.id, status: "processing" },
          data: { status: "ready", size: stored, contentType: "image/webp" },
        });
        if (current.count === 0) return null; // removed meanwhile
        let old: string | null;
        if (upload.purpose === "logo" && upload.workspaceId) {
          const workspace = await tx.workspace.findUniqueOrThrow({
            where: { id: upload.workspaceId },
          });
          old = workspace.logoKey;
          await tx.workspace.update({ where: { id: workspace.id }, data: { logoKey: prefix } });
        } else if (upload.userId) {
          const user = await tx.user.findUniqueOrThrow({ where: { id: upload.userId } });
          old = user.avatarKey;
          await tx.user.update({ where: { id: user.id }, data: { avatarKey: prefix } });
        } else return null;
        // The previous picture's row stops counting against storage.
        await tx.upload.deleteMany({
          where: {
            purpose: upload.purpose,
            status: { in: ["ready", "failed"] },
            id: { not: upload.id },
            ...(upload.purpose === "logo"
              ? { workspaceId: upload.workspaceId }
              : { userId: upload.userId }),
          },
        });
        return old;
      });
      await storage.delete(upload.key);
      if (previous && previous !== prefix)
        await enqueue("delete-files", { prefix: `${previous}/` });
      return { stored };
    } catch (error) {
      const attempt = (job as { retryCount?: number }).retryCount ?? 0;
      if (attempt >= RETRY_LIMIT) {
        await fail(upload.id, upload.key, "Processing failed; please try another upload.");
      }
      throw error;
    }
  },
});
