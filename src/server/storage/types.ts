/**
 * The storage contract shared by every driver (src/server/storage/index.ts picks one from env).
 * Keys are `/`-separated paths of URL-safe characters ({@link assertValidKey}); sizes are bytes,
 * expiries seconds.
 */

/** What {@link Storage.head} knows about one stored object. */
export interface StoredObject {
  key: string;
  /** Bytes. */
  size: number;
  contentType: string;
}

/** A signed form the browser POSTs as multipart/form-data: every field, then the file as `file`. */
export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
}

/** Object storage: the local driver (default) and the S3-compatible driver implement it. */
export interface Storage {
  /** Writes `body` under `key`, replacing any object there. */
  put(
    key: string,
    body: Buffer | Uint8Array | NodeJS.ReadableStream,
    options: { contentType: string },
  ): Promise<void>;
  /** The object's bytes. Throws {@link StorageNotFoundError} when there is none. */
  get(key: string): Promise<NodeJS.ReadableStream>;
  /** Size and content type, or null when there is no object. */
  head(key: string): Promise<StoredObject | null>;
  /** Removes the object; nothing happens when there is none (idempotent). */
  delete(key: string): Promise<void>;
  /** Removes every object whose key starts with `prefix`; returns how many it removed. */
  deletePrefix(prefix: string): Promise<number>;
  /**
   * A URL that downloads the object until `expiresInS` seconds from now, signed (S3 presigned
   * GET, or HMAC for the local driver). `downloadName` makes it an attachment of that name.
   */
  signedGetUrl(
    key: string,
    options: { expiresInS: number; downloadName?: string },
  ): Promise<string>;
  /**
   * A presigned POST that lets a browser upload straight to storage: the signed policy allows
   * exactly `key`, `contentType` and at most `maxBytes` bytes, until `expiresInS` seconds from now.
   */
  presignedUpload(
    key: string,
    options: { contentType: string; maxBytes: number; expiresInS: number },
  ): Promise<PresignedUpload>;
}

/** Thrown by {@link Storage.get} when no object has the key. */
export class StorageNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored object has the key "${key}"`);
    this.name = "StorageNotFoundError";
  }
}

/** Thrown for a key that is not a clean relative path of URL-safe characters. */
export class InvalidStorageKeyError extends Error {
  constructor(readonly key: string) {
    super(`Invalid storage key "${key}": use letters, digits and - _ . / (no "..", no leading /)`);
    this.name = "InvalidStorageKeyError";
  }
}

const KEY = /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;

/**
 * Throws {@link InvalidStorageKeyError} unless `key` is 1-512 characters of letters, digits,
 * `-_./`, with no empty, `.` or `..` segment: the same key is safe as an S3 key, a URL path and a
 * file path under the local driver's directory.
 */
export function assertValidKey(key: string): void {
  if (
    key.length > 512 ||
    !KEY.test(key) ||
    key.split("/").some((segment) => segment === "." || segment === "..")
  ) {
    throw new InvalidStorageKeyError(key);
  }
}
