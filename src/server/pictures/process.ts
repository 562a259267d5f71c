/**
 * Turns an uploaded picture into the sizes the UI uses ({@link PICTURE_SIZES}, square WebP):
 * EXIF orientation applied, then every metadata (EXIF, GPS, ICC, XMP) dropped — sharp writes none
 * unless asked — and the pixels re-encoded. Decompression bombs are refused before decoding: the
 * header's pixel count must stay within {@link MAX_INPUT_PIXELS} (sharp's `limitInputPixels`
 * enforces it again while decoding).
 */
import "server-only";
import sharp from "sharp";
import { PICTURE_SIZES, type PictureSize } from "@/schemas/upload";

/** Most pixels of an input picture (40 megapixels, e.g. 8000×5000). */
export const MAX_INPUT_PIXELS = 40_000_000;

/** A picture that cannot be processed, with the reason for the user. */
export class PictureRejectedError extends Error {
  override readonly name = "PictureRejectedError";
}

/**
 * The WebP bytes of each size of `input`.
 * @throws PictureRejectedError when it is not a decodable image or has too many pixels.
 */
export async function renderPicture(input: Buffer): Promise<Record<PictureSize, Buffer>> {
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" as const };
  let width: number | undefined;
  let height: number | undefined;
  try {
    // Reads the header only (no decoding), so the pixel count can be named in the refusal.
    ({ width, height } = await sharp(input, { limitInputPixels: false }).metadata());
  } catch {
    throw new PictureRejectedError("The file is not an image we can read.");
  }
  if (!width || !height) throw new PictureRejectedError("The file is not an image we can read.");
  if (width * height > MAX_INPUT_PIXELS) {
    throw new PictureRejectedError(
      `The image is ${width}×${height} pixels; at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels are accepted.`,
    );
  }
  try {
    const entries = await Promise.all(
      PICTURE_SIZES.map(
        async (size) =>
          [
            size,
            await sharp(input, options)
              .rotate()
              .resize(size, size, { fit: "cover" })
              .webp({ quality: 82 })
              .toBuffer(),
          ] as const,
      ),
    );
    return Object.fromEntries(entries) as Record<PictureSize, Buffer>;
  } catch {
    throw new PictureRejectedError("The image is damaged or cannot be decoded.");
  }
}
