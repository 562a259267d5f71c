/**
 * The storage contract, run against the local driver (behind a real HTTP server doing what the
 * /api/storage routes do) and against the S3 driver talking to s3rver, an S3-compatible server
 * started here. Presigned POSTs are sent as a browser sends them: multipart form, fields then file.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_STORAGE_ROUTE, LocalStorage, UploadRejectedError } from "./local";
import { S3Storage } from "./s3";
import { InvalidStorageKeyError, type Storage, StorageNotFoundError } from "./types";

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)),
  );
}

/** Sends a presigned POST the way a browser form does. */
function postUpload(
  upload: { url: string; fields: Record<string, string> },
  file: Blob,
): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append("file", file, "upload.bin");
  return fetch(upload.url, { method: "POST", body: form });
}

interface Driver {
  storage: Storage;
  /**
   * Whether the server checks signatures and POST policies. s3rver does not (real S3, R2 and
   * MinIO do): for it, the policy's conditions are read from the signed fields instead.
   */
  checksSignatures: boolean;
}

const drivers: Record<string, { start: () => Promise<Driver>; stop: () => Promise<void> }> = {};

{
  let dir = "";
  let server: Server | undefined;
  drivers.local = {
    async start() {
      dir = await mkdtemp(path.join(tmpdir(), "storage-local-"));
      const local: { storage?: LocalStorage } = {};
      // What src/app/api/storage/route.ts and [...key]/route.ts do, on a plain Node server.
      server = createServer((request, response) => {
        const url = new URL(request.url ?? "/", "http://127.0.0.1");
        const answer = (status: number, body = "") => response.writeHead(status).end(body);
        if (request.method === "POST" && url.pathname === LOCAL_STORAGE_ROUTE) {
          local.storage!.receiveUpload(request.headers["content-type"] ?? "", request).then(
            () => answer(204),
            (error: unknown) =>
              error instanceof UploadRejectedError
                ? answer(error.status, error.code)
                : answer(500, String(error)),
          );
          return;
        }
        const key = decodeURIComponent(url.pathname.slice(LOCAL_STORAGE_ROUTE.length + 1));
        if (!local.storage!.verifyGetUrl(key, url.searchParams)) return answer(403);
        local.storage!.get(key).then(
          (body) => {
            response.writeHead(200);
            (body as Readable).pipe(response);
          },
          () => answer(404),
        );
      });
      const port = await listen(server);
      const storage = (local.storage = new LocalStorage({
        dir,
        secret: "test-secret-test-secret-test-secret",
        baseUrl: `http://127.0.0.1:${port}`,
      }));
      return { storage, checksSignatures: true };
    },
    async stop() {
      await new Promise((resolve) => server?.close(resolve));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

{
  let dir = "";
  let s3rver: S3rver | undefined;
  drivers.s3 = {
    async start() {
      dir = await mkdtemp(path.join(tmpdir(), "storage-s3rver-"));
      s3rver = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir });
      const { port } = (await s3rver.run()) as { port: number };
      const storage = new S3Storage({
        bucket: "uploads",
        region: "us-east-1",
        endpoint: `http://127.0.0.1:${port}`,
        forcePathStyle: true,
        // s3rver's built-in credentials.
        credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      });
      await storage.client.send(new CreateBucketCommand({ Bucket: "uploads" }));
      return { storage, checksSignatures: false };
    },
    async stop() {
      await s3rver?.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describe.each(Object.keys(drivers))("the %s storage driver", (name) => {
  let driver: Driver;
  let storage: Storage;
  beforeAll(async () => {
    driver = await drivers[name]!.start();
    storage = driver.storage;
  });
  afterAll(() => drivers[name]!.stop());

  it("stores buffers and streams, and reads them back with their size and type", async () => {
    await storage.put("w/one/a.txt", Buffer.from("hello"), { contentType: "text/plain" });
    await storage.put("w/one/b.csv", Readable.from(["a,b\n", "1,2\n"]), {
      contentType: "text/csv",
    });
    expect(await text(await storage.get("w/one/a.txt"))).toBe("hello");
    expect(await text(await storage.get("w/one/b.csv"))).toBe("a,b\n1,2\n");
    expect(await storage.head("w/one/b.csv")).toEqual({
      key: "w/one/b.csv",
      size: 8,
      contentType: "text/csv",
    });
  });

  it("reports missing objects, deletes idempotently and deletes by prefix", async () => {
    await expect(storage.get("w/none/x")).rejects.toBeInstanceOf(StorageNotFoundError);
    expect(await storage.head("w/none/x")).toBeNull();
    await storage.put("w/two/1", Buffer.from("1"), { contentType: "text/plain" });
    await storage.put("w/two/sub/2", Buffer.from("2"), { contentType: "text/plain" });
    await storage.put("w/twofold/3", Buffer.from("3"), { contentType: "text/plain" });
    await storage.delete("w/two/1");
    await storage.delete("w/two/1");
    expect(await storage.head("w/two/1")).toBeNull();
    expect(await storage.deletePrefix("w/two/")).toBe(1);
    expect(await storage.head("w/two/sub/2")).toBeNull();
    expect(await storage.head("w/twofold/3")).not.toBeNull();
    expect(await storage.deletePrefix("w/nothing/")).toBe(0);
  });

  it("refuses keys that could escape their place", async () => {
    for (const key of ["../etc/passwd", "/abs", "a//b", "a/./b", "a b", ""]) {
      await expect(storage.head(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
  });

  it("serves a signed URL, and not once its signature is changed", async () => {
    await storage.put("w/three/pic.webp", Buffer.from("bytes"), { contentType: "image/webp" });
    const url = await storage.signedGetUrl("w/three/pic.webp", { expiresInS: 60 });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("bytes");
    if (!driver.checksSignatures) return;
    const tampered = new URL(url);
    const signatureName = tampered.searchParams.has("signature") ? "signature" : "X-Amz-Signature";
    tampered.searchParams.set(signatureName, "0".repeat(64));
    expect((await fetch(tampered)).status).toBe(403);
  });

  it("accepts a presigned POST within its policy and refuses one outside it", async () => {
    const upload = await storage.presignedUpload("w/four/avatar", {
      contentType: "image/png",
      maxBytes: 10,
      expiresInS: 60,
    });
    expect(upload.fields["Content-Type"]).toBe("image/png");
    const stored = await postUpload(upload, new Blob(["0123456789"]));
    expect(stored.status).toBeLessThan(300);
    expect(await storage.head("w/four/avatar")).toEqual({
      key: "w/four/avatar",
      size: 10,
      contentType: "image/png",
    });

    if (!driver.checksSignatures) {
      // What S3 enforces: the signed policy pins the size range, the type and the key.
      const policy = JSON.parse(Buffer.from(upload.fields.Policy!, "base64").toString()) as {
        conditions: unknown[];
      };
      expect(policy.conditions).toEqual(
        expect.arrayContaining([
          ["content-length-range", 1, 10],
          ["eq", "$Content-Type", "image/png"],
          { key: "w/four/avatar" },
        ]),
      );
      expect(upload.fields["X-Amz-Signature"]).toMatch(/^[0-9a-f]{64}$/);
      return;
    }
    const otherType = { ...upload, fields: { ...upload.fields, "Content-Type": "text/html" } };
    expect((await postUpload(otherType, new Blob(["<b>"]))).status).toBe(403);

    const big = await storage.presignedUpload("w/four/big", {
      contentType: "image/png",
      maxBytes: 10,
      expiresInS: 60,
    });
    expect((await postUpload(big, new Blob(["x".repeat(11)]))).status).toBe(400);
    expect(await storage.head("w/four/big")).toBeNull();
  });
});

describe("the local driver's signatures", () => {
  it("expire, and bind the download name", async () => {
    let now = Date.UTC(2026, 0, 1);
    const storage = new LocalStorage({
      dir: tmpdir(),
      secret: "test-secret-test-secret-test-secret",
      baseUrl: "",
      now: () => now,
    });
    const url = new URL(
      await storage.signedGetUrl("w/x", { expiresInS: 60, downloadName: "a.csv" }),
      "http://x",
    );
    expect(url.pathname).toBe("/api/storage/w/x");
    expect(storage.verifyGetUrl("w/x", url.searchParams)).toBe(true);
    expect(storage.verifyGetUrl("w/y", url.searchParams)).toBe(false);
    const renamed = new URLSearchParams(url.searchParams);
    renamed.set("name", "b.csv");
    expect(storage.verifyGetUrl("w/x", renamed)).toBe(false);
    now += 61_000;
    expect(storage.verifyGetUrl("w/x", url.searchParams)).toBe(false);
  });

  it("refuse an expired upload policy", async () => {
    let now = Date.UTC(2026, 0, 1);
    const storage = new LocalStorage({
      dir: await mkdtemp(path.join(tmpdir(), "storage-exp-")),
      secret: "test-secret-test-secret-test-secret",
      baseUrl: "",
      now: () => now,
    });
    const upload = await storage.presignedUpload("w/late", {
      contentType: "text/plain",
      maxBytes: 100,
      expiresInS: 60,
    });
    now += 61_000;
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append("file", new Blob(["late"]), "late.txt");
    const request = new Request("http://x/", { method: "POST", body: form });
    await expect(
      storage.receiveUpload(
        request.headers.get("content-type")!,
        Readable.fromWeb(request.body as NodeReadableStream),
      ),
    ).rejects.toMatchObject({ code: "ExpiredPolicy", status: 403 });
  });
});
