/**
 * The S3-compatible storage driver (AWS S3, Cloudflare R2, MinIO, ...) through the official SDK.
 * Browsers upload with a presigned POST whose policy pins the key, the Content-Type and a
 * content-length-range, so the app server never carries the bytes.
 */
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { Readable } from "node:stream";
import {
  assertValidKey,
  type PresignedUpload,
  type Storage,
  StorageNotFoundError,
  type StoredObject,
} from "./types";

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** Unset for AWS S3. */
  endpoint?: string;
  forcePathStyle: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** `Content-Disposition` that downloads as `name` (RFC 6266 with an RFC 5987 UTF-8 name). */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const isMissing = (error: unknown) =>
  error instanceof NoSuchKey ||
  error instanceof NotFound ||
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

export class S3Storage implements Storage {
  readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3StorageOptions, config: Partial<S3ClientConfig> = {}) {
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
      ...config,
    });
  }

  async put(
    key: string,
    body: Buffer | Uint8Array | NodeJS.ReadableStream,
    options: { contentType: string },
  ): Promise<void> {
    assertValidKey(key);
    // lib-storage's Upload streams a body of unknown length in parts (PutObject needs a length).
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: key,
        Body: body instanceof Uint8Array ? body : Readable.from(body as AsyncIterable<Buffer>),
        ContentType: options.contentType,
      },
    });
    await upload.done();
  }

  async get(key: string): Promise<NodeJS.ReadableStream> {
    assertValidKey(key);
    try {
      const result = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key }),
      );
      return result.Body as Readable;
    } catch (error) {
      if (isMissing(error)) throw new StorageNotFoundError(key);
      throw error;
    }
  }

  async head(key: string): Promise<StoredObject | null> {
    assertValidKey(key);
    try {
      const result = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: key }),
      );
      return {
        key,
        size: result.ContentLength ?? 0,
        contentType: result.ContentType ?? "application/octet-stream",
      };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertValidKey(prefix.replace(/\/$/, ""));
    let deleted = 0;
    let token: string | undefined;
    do {
      // At most 1000 keys a page, and DeleteObjects takes at most 1000 keys.
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
      if (keys.length > 0) {
        await this.client.send(
          new DeleteObjectsCommand({
            Bucket: this.bucket,
            Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
          }),
        );
        deleted += keys.length;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return deleted;
  }

  async signedGetUrl(
    key: string,
    options: { expiresInS: number; downloadName?: string },
  ): Promise<string> {
    assertValidKey(key);
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: options.downloadName
        ? attachmentDisposition(options.downloadName)
        : undefined,
    });
    return getSignedUrl(this.client, command, { expiresIn: options.expiresInS });
  }

  async presignedUpload(
    key: string,
    options: { contentType: string; maxBytes: number; expiresInS: number },
  ): Promise<PresignedUpload> {
    assertValidKey(key);
    const { url, fields } = await createPresignedPost(this.client, {
      Bucket: this.bucket,
      Key: key,
      Fields: { "Content-Type": options.contentType },
      Conditions: [
        ["content-length-range", 1, options.maxBytes],
        ["eq", "$Content-Type", options.contentType],
      ],
      Expires: options.expiresInS,
    });
    return { url, fields };
  }
}
