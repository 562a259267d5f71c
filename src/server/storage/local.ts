/**
 * The local storage driver, the default: objects are files under one directory, served by the
 * app's own routes with the same guarantees an S3 presigned URL gives — an HMAC-SHA256 signature
 * over the key and expiry (GET, `src/app/api/storage/[...key]/route.ts`) and a signed upload
 * policy fixing the key, content type and size limit (POST, `src/app/api/storage/route.ts`).
 *
 * Layout: `<dir>/objects/<key>` holds the bytes, `<dir>/meta/<key>.json` the content type.
 * Writes go to a temporary file first and are renamed into place, so a reader never sees half
 * an object.
 */
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import {
  assertValidKey,
  type PresignedUpload,
  type Storage,
  StorageNotFoundError,
  type StoredObject,
} from "./types";

/** What the upload policy signs (base64url JSON in the `policy` field). */
interface UploadPolicy {
  key: string;
  contentType: string;
  /** Bytes. */
  maxBytes: number;
  /** Unix seconds. */
  expires: number;
}

/** Why the upload route refused a POST: `status` is the HTTP status to answer with. */
export class UploadRejectedError extends Error {
  constructor(
    readonly status: 400 | 403,
    readonly code: "InvalidPolicy" | "ExpiredPolicy" | "EntityTooLarge" | "MalformedPOSTRequest",
    message: string,
  ) {
    super(message);
    this.name = "UploadRejectedError";
  }
}

export interface LocalStorageOptions {
  /** Directory that holds the objects (created when needed). */
  dir: string;
  /** HMAC key of URLs and policies (32+ characters). */
  secret: string;
  /** Origin the URLs start with (APP_URL); "" gives root-relative URLs. */
  baseUrl: string;
  /** Clock in ms (tests). */
  now?: () => number;
}

/** The route prefix of downloads; uploads POST to this path itself. */
export const LOCAL_STORAGE_ROUTE = "/api/storage";

export class LocalStorage implements Storage {
  private readonly dir: string;
  private readonly now: () => number;

  constructor(private readonly options: LocalStorageOptions) {
    this.dir = path.resolve(options.dir);
    this.now = options.now ?? Date.now;
  }

  private objectPath(key: string): string {
    assertValidKey(key);
    return path.join(this.dir, "objects", ...key.split("/"));
  }

  private metaPath(key: string): string {
    return path.join(this.dir, "meta", ...key.split("/")) + ".json";
  }

  private sign(payload: string): string {
    return createHmac("sha256", this.options.secret).update(payload).digest("base64url");
  }

  private verify(payload: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  async put(
    key: string,
    body: Buffer | Uint8Array | NodeJS.ReadableStream,
    options: { contentType: string },
  ): Promise<void> {
    const source =
      body instanceof Uint8Array ? Readable.from([body]) : (body as NodeJS.ReadableStream);
    await this.write(key, source, options.contentType, Infinity);
  }

  /** Streams `source` to a temporary file, enforcing `maxBytes`, then moves it into place. */
  private async write(
    key: string,
    source: NodeJS.ReadableStream,
    contentType: string,
    maxBytes: number,
  ): Promise<number> {
    const target = this.objectPath(key);
    const temporary = path.join(this.dir, "tmp", randomUUID());
    await mkdir(path.dirname(temporary), { recursive: true });
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > maxBytes) {
          callback(
            new UploadRejectedError(400, "EntityTooLarge", `The file exceeds ${maxBytes} bytes`),
          );
        } else callback(null, chunk);
      },
    });
    try {
      await pipeline(source, limit, createWriteStream(temporary));
      await mkdir(path.dirname(target), { recursive: true });
      await mkdir(path.dirname(this.metaPath(key)), { recursive: true });
      await writeFile(this.metaPath(key), JSON.stringify({ contentType }));
      await rename(temporary, target);
      return size;
    } finally {
      await rm(temporary, { force: true });
    }
  }

  async get(key: string): Promise<NodeJS.ReadableStream> {
    const file = this.objectPath(key);
    try {
      await stat(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new StorageNotFoundError(key);
      throw error;
    }
    return createReadStream(file);
  }

  async head(key: string): Promise<StoredObject | null> {
    try {
      const info = await stat(this.objectPath(key));
      const meta = JSON.parse(await readFile(this.metaPath(key), "utf8")) as {
        contentType: string;
      };
      return { key, size: info.size, contentType: meta.contentType };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.objectPath(key), { force: true });
    await rm(this.metaPath(key), { force: true });
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertValidKey(prefix.replace(/\/$/, ""));
    const root = path.join(this.dir, "objects");
    let entries: string[];
    try {
      entries = await readdir(root, { recursive: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
      throw error;
    }
    let deleted = 0;
    for (const entry of entries) {
      const key = entry.split(path.sep).join("/");
      if (!key.startsWith(prefix)) continue;
      if (!(await stat(path.join(root, entry))).isFile()) continue;
      await this.delete(key);
      deleted += 1;
    }
    return deleted;
  }

  async signedGetUrl(
    key: string,
    options: { expiresInS: number; downloadName?: string },
  ): Promise<string> {
    assertValidKey(key);
    const expires = Math.floor(this.now() / 1000) + options.expiresInS;
    const name = options.downloadName ?? "";
    const query = new URLSearchParams({ expires: String(expires) });
    if (name) query.set("name", name);
    query.set("signature", this.sign(`GET\n${key}\n${expires}\n${name}`));
    return `${this.options.baseUrl}${LOCAL_STORAGE_ROUTE}/${key}?${query}`;
  }

  /**
   * Checks a download URL's query (from {@link signedGetUrl}): true when the signature matches
   * the key, expiry and download name, and the expiry has not passed.
   */
  verifyGetUrl(key: string, query: URLSearchParams): boolean {
    const expires = Number(query.get("expires"));
    const signature = query.get("signature") ?? "";
    const name = query.get("name") ?? "";
    if (!Number.isInteger(expires) || expires * 1000 < this.now()) return false;
    return this.verify(`GET\n${key}\n${expires}\n${name}`, signature);
  }

  async presignedUpload(
    key: string,
    options: { contentType: string; maxBytes: number; expiresInS: number },
  ): Promise<PresignedUpload> {
    assertValidKey(key);
    const policy: UploadPolicy = {
      key,
      contentType: options.contentType,
      maxBytes: options.maxBytes,
      expires: Math.floor(this.now() / 1000) + options.expiresInS,
    };
    const encoded = Buffer.from(JSON.stringify(policy)).toString("base64url");
    return {
      url: `${this.options.baseUrl}${LOCAL_STORAGE_ROUTE}`,
      fields: {
        key,
        "Content-Type": options.contentType,
        policy: encoded,
        signature: this.sign(`POST\n${encoded}`),
      },
    };
  }

  /**
   * Receives a browser's presigned POST (multipart/form-data: the fields of
   * {@link presignedUpload}, then `file`), streaming the file to disk. Throws
   * {@link UploadRejectedError} for a bad or expired policy, fields that differ from it, or a
   * file over its size limit (nothing is stored then).
   */
  async receiveUpload(
    contentTypeHeader: string,
    body: NodeJS.ReadableStream,
  ): Promise<StoredObject> {
    const fields: Record<string, string> = {};
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { "content-type": contentTypeHeader },
        limits: { files: 1, fields: 10, fieldSize: 4096 },
      });
    } catch {
      throw new UploadRejectedError(400, "MalformedPOSTRequest", "Expected multipart/form-data");
    }
    return new Promise<StoredObject>((resolve, reject) => {
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        reject(error);
        body.unpipe?.(parser);
        (body as Readable).resume?.();
      };
      let sawFile = false;
      parser.on("field", (name, value) => {
        fields[name] = value;
      });
      parser.on("file", (name, stream) => {
        sawFile = true;
        let policy: UploadPolicy;
        try {
          if (name !== "file") {
            throw new UploadRejectedError(400, "MalformedPOSTRequest", 'The file must be "file"');
          }
          policy = this.checkPolicy(fields);
        } catch (error) {
          stream.resume();
          fail(error);
          return;
        }
        this.write(policy.key, stream, policy.contentType, policy.maxBytes).then(
          (size) => {
            if (settled) return;
            settled = true;
            resolve({ key: policy.key, size, contentType: policy.contentType });
          },
          (error: unknown) => {
            stream.resume();
            fail(error);
          },
        );
      });
      parser.on("error", (error) =>
        fail(new UploadRejectedError(400, "MalformedPOSTRequest", String(error))),
      );
      parser.on("close", () => {
        if (!sawFile) {
          fail(new UploadRejectedError(400, "MalformedPOSTRequest", 'No "file" part was sent'));
        }
      });
      body.pipe(parser);
    });
  }

  /** The policy the fields carry, once its signature, expiry, key and content type check out. */
  private checkPolicy(fields: Record<string, string>): UploadPolicy {
    const encoded = fields.policy ?? "";
    if (!this.verify(`POST\n${encoded}`, fields.signature ?? "")) {
      throw new UploadRejectedError(
        403,
        "InvalidPolicy",
        "The upload policy's signature is invalid",
      );
    }
    const policy = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")) as UploadPolicy;
    if (policy.expires * 1000 < this.now()) {
      throw new UploadRejectedError(403, "ExpiredPolicy", "The upload policy has expired");
    }
    if (fields.key !== policy.key || fields["Content-Type"] !== policy.contentType) {
      throw new UploadRejectedError(
        403,
        "InvalidPolicy",
        "The key or Content-Type field differs from the signed policy",
      );
    }
    return policy;
  }
}
