/**
 * Reading a request body with a size limit, for every route handler that reads one. The limit is
 * enforced while the stream is read, not only from `Content-Length`, which a client may omit
 * (chunked transfer encoding, RFC 9112 §6.1) or understate; a declared length over the limit is
 * refused before anything is read. Answer a {@link PayloadTooLargeError} with 413 Content Too
 * Large (RFC 9110 §15.5.14).
 */
import "server-only";

/** Thrown by {@link readBodyWithin} when a body is larger than `limitBytes`. */
export class PayloadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(
      `The request body is larger than ${limitBytes.toLocaleString("en-US")} bytes, this endpoint's limit.`,
    );
    this.name = "PayloadTooLargeError";
  }
}

/**
 * The whole body of `req` (an empty array when it has none), read up to `limitBytes` bytes.
 * @throws PayloadTooLargeError as soon as the declared length or the bytes read exceed
 *   `limitBytes`; the rest of the body is then left unread (the stream is cancelled).
 */
export async function readBodyWithin(
  req: Request,
  limitBytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!req.body) return new Uint8Array(0);
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > limitBytes) {
    await req.body.cancel();
    throw new PayloadTooLargeError(limitBytes);
  }
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      throw new PayloadTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
