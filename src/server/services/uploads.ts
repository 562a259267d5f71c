/**
 * Uploads of pictures (user avatars, workspace logos): the browser asks for a presigned POST
 * ({@link createPictureUpload}), sends the file straight to object storage, then reports it
 * ({@link completeUpload}); the content is checked from its bytes and the `process-picture` job
 * makes the sizes the UI uses (src/server/pictures/process.ts). {@link uploadStatus} is polled
 * meanwhile. Keys: `u/<userId>/avatar/<random>/…` and `w/<workspaceId>/logo/<random>/…`.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { PICTURE_TYPES, PICTURE_SIZES, type PictureSize } from "@/schemas/upload";
import { assertStorageAvailable } from "@/server/billing/entitlements";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { enqueue } from "@/server/jobs/queue";
import { getStorage } from "@/server/storage";
import type { WorkspaceScope } from "@/server/services/workspaces";

/** Seconds a presigned POST stays valid. */
const UPLOAD_EXPIRES_S = 10 * 60;

/** Seconds a picture URL stays valid (pages re-sign on every render). */
export const PICTURE_URL_EXPIRES_S = 60 * 60;

/** Bytes read to sniff a file's type (file-type needs at most this many). */
const SNIFF_BYTES = 4100;

export interface PictureFile {
  fileName: string;
  contentType: string;
  /** Bytes, as the browser reports the file. */
  size: number;
}

/** A fresh, unguessable key segment (128 random bits). */
const randomSegment = () => randomBytes(16).toString("base64url");

/**
 * Authorises one picture upload: a pending Upload row and a presigned POST limited to the declared
 * size and type. A logo counts against the workspace's `storageBytes`.
 * @returns `{ uploadId, url, fields }`: the browser POSTs `fields`, then the file as `file`.
 * @throws EntitlementError (PAYMENT_REQUIRED) when a logo would exceed the plan's storage.
 */
export async function createPictureUpload(
  actor: { userId: string },
  target: { purpose: "avatar" } | { purpose: "logo"; scope: WorkspaceScope },
  file: PictureFile,
) {
  const workspaceId = target.purpose === "logo" ? target.scope.workspace.id : null;
  const prefix = workspaceId
    ? `w/${workspaceId}/logo/${randomSegment()}`
    : `u/${actor.userId}/avatar/${randomSegment()}`;
  const key = `${prefix}/original`;
  const upload = await db.$transaction(async (tx) => {
    if (workspaceId) await assertStorageAvailable(tx, workspaceId, file.size);
    return tx.upload.create({
      data: {
        key,
        purpose: target.purpose,
        workspaceId,
        userId: actor.userId,
        fileName: file.fileName,
        size: file.size,
        contentType: file.contentType,
      },
      select: { id: true },
    });
  });
  const post = await getStorage().presignedUpload(key, {
    contentType: file.contentType,
    maxBytes: file.size,
    expiresInS: UPLOAD_EXPIRES_S,
  });
  return { uploadId: upload.id, ...post };
}

/** The caller's upload, or NOT_FOUND (another user's looks the same as none). */
async function ownUpload(actor: { userId: string }, uploadId: string) {
  const upload = await db.upload.findFirst({ where: { id: uploadId, userId: actor.userId } });
  if (!upload) throw new DomainError("NOT_FOUND", "Upload not found.", "uploadId");
  return upload;
}

/** What {@link uploadStatus} and {@link completeUpload} return. */
export interface UploadState {
  id: string;
  status: "pending" | "processing" | "ready" | "failed";
  /** Why it failed, for the user; null otherwise. */
  error: string | null;
}

const stateOf = (upload: UploadState): UploadState => ({
  id: upload.id,
  status: upload.status,
  error: upload.error,
});

/** The first bytes of a stored object. */
async function headBytes(key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  const stream = await getStorage().get(key);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    length += chunk.length;
    if (length >= SNIFF_BYTES) break;
  }
  return Buffer.concat(chunks).subarray(0, SNIFF_BYTES);
}

/**
 * Called by the browser once its POST to storage succeeded. Checks the stored object again —
 * present, within the declared size, and an image by its bytes (file-type), whatever its name or
 * declared type said — then queues `process-picture`. A bad file ends `failed` with the reason
 * (and is deleted); calling it again returns the state without redoing anything.
 * @throws DomainError NOT_FOUND for another user's upload; BAD_REQUEST when nothing was stored.
 */
export async function completeUpload(
  actor: { userId: string },
  uploadId: string,
): Promise<UploadState> {
  const upload = await ownUpload(actor, uploadId);
  if (upload.status !== "pending") return stateOf(upload);
  const storage = getStorage();
  const stored = await storage.head(upload.key);
  if (!stored) {
    throw new DomainError("BAD_REQUEST", "The file has not reached storage yet.", "uploadId");
  }
  let error: string | null = null;
  if (stored.size > upload.size) {
    error = "The file is larger than announced.";
  } else {
    const sniffed = await fileTypeFromBuffer(await headBytes(upload.key));
    if (!sniffed || !PICTURE_TYPES.includes(sniffed.mime)) {
      error = "The file is not a PNG, JPEG, WebP, GIF or AVIF image.";
    }
  }
  const updated = await db.upload.updateManyAndReturn({
    where: { id: upload.id, status: "pending" },
    data: error ? { status: "failed", error } : { status: "processing", size: stored.size },
  });
  if (error) {
    await storage.delete(upload.key);
  } else if (updated.length > 0) {
    await enqueue("process-picture", { uploadId: upload.id });
  }
  return stateOf((await db.upload.findUniqueOrThrow({ where: { id: upload.id } })) as UploadState);
}

/** Status and failure reason of one of the caller's uploads (polled while processing). */
export async function uploadStatus(actor: { userId: string }, uploadId: string) {
  return stateOf(await ownUpload(actor, uploadId));
}

/** Signed URLs of a processed picture's sizes (`prefix` from User.avatarKey / Workspace.logoKey). */
export async function pictureUrls(
  prefix: string | null,
  expiresInS = PICTURE_URL_EXPIRES_S,
): Promise<Record<`s${PictureSize}`, string> | null> {
  if (!prefix) return null;
  const storage = getStorage();
  const entries = await Promise.all(
    PICTURE_SIZES.map(
      async (size) =>
        [`s${size}`, await storage.signedGetUrl(`${prefix}/${size}.webp`, { expiresInS })] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<`s${PictureSize}`, string>;
}

/**
 * Removes the user's avatar (initials again) or the workspace's logo; its files are deleted in the
 * background (`delete-files`).
 */
export async function removePicture(
  target: { purpose: "avatar"; userId: string } | { purpose: "logo"; workspaceId: string },
) {
  const prefix = await db.$transaction(async (tx) => {
    if (target.purpose === "avatar") {
      const user = await tx.user.findUniqueOrThrow({ where: { id: target.userId } });
      await tx.user.update({ where: { id: target.userId }, data: { avatarKey: null } });
      await tx.upload.deleteMany({ where: { userId: target.userId, purpose: "avatar" } });
      return user.avatarKey;
    }
    const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: target.workspaceId } });
    await tx.workspace.update({ where: { id: target.workspaceId }, data: { logoKey: null } });
    await tx.upload.deleteMany({ where: { workspaceId: target.workspaceId, purpose: "logo" } });
    return workspace.logoKey;
  });
  if (prefix) await enqueue("delete-files", { prefix: `${prefix}/` });
  return { status: "removed" } as const;
}
