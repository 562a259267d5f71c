/**
 * Uploads (src/server/api/routers/upload.ts): the inputs, what each picture may be, and the byte
 * formatter shared by the plan catalogue and the billing page.
 */
import * as z from "zod/mini";
import "@/schemas/locale";
import { workspaceInput } from "@/schemas/workspace";

/** Image types a picture (avatar, logo) may be, checked again from the bytes after upload. */
export const PICTURE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif", "image/avif"];

/** Largest picture accepted, in bytes (5 MB). */
export const PICTURE_MAX_BYTES = 5 * 1024 * 1024;

/** Square sizes (px) the picture job makes, as WebP: 64 for lists and the shell, 256 for settings. */
export const PICTURE_SIZES = [64, 256] as const;
export type PictureSize = (typeof PICTURE_SIZES)[number];

const fileFields = {
  fileName: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "File name is required."),
      z.maxLength(255, "File name must be at most 255 characters."),
    ),
  contentType: z.enum(PICTURE_TYPES, "Choose a PNG, JPEG, WebP, GIF or AVIF image."),
  size: z
    .number()
    .check(
      z.int("Size must be a whole number of bytes."),
      z.minimum(1, "The file is empty."),
      z.maximum(PICTURE_MAX_BYTES, "The picture must be at most 5 MB."),
    ),
};

/** `upload.createAvatar`: the picture the browser is about to send. */
export const createAvatarUploadInput = z.object(fileFields);

/** `upload.createLogo`: the same, for a workspace. */
export const createLogoUploadInput = z.extend(workspaceInput, fileFields);

/** `upload.complete` and `upload.status`: one upload of the caller. */
export const uploadIdInput = z.object({
  uploadId: z
    .string()
    .check(z.minLength(1, "Upload is required."), z.maxLength(64, "Unknown upload.")),
});

/** `upload.removeLogo`: the workspace only. */
export const removeLogoInput = workspaceInput;

const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;

/** "100 MB", "1.5 GB", "12 KB", "80 B" (binary units, one decimal at most). */
export function formatBytes(bytes: number): string {
  const round = (value: number) => Math.round(value * 10) / 10;
  if (bytes >= GB) return `${round(bytes / GB)} GB`;
  if (bytes >= MB) return `${round(bytes / MB)} MB`;
  if (bytes >= KB) return `${round(bytes / KB)} KB`;
  return `${bytes} B`;
}
