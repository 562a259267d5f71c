/**
 * Picture uploads end to end on the real database and the local storage driver: presigned POST →
 * complete (content sniffed) → the process-picture job (sizes, metadata stripped, bombs refused) →
 * the user's / workspace's picture; the storage entitlement; and deleting a workspace or an account
 * deleting its files (delete-files job).
 */
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { EntitlementError } from "@/server/errors";
import { deleteAccount } from "@/server/services/accounts";
import { INVITATION_TTL_MS, invitationMail } from "@/server/services/invitations";
import {
  completeUpload,
  createPictureUpload,
  pictureUrls,
  uploadStatus,
} from "@/server/services/uploads";
import { deleteWorkspace, findWorkspaceScope } from "@/server/services/workspaces";
import { getLocalStorage, getStorage } from "@/server/storage";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { runQueuedJobs } from "@/test/jobs";
import { callerWith, requestHeaders, signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

/** Sends `bytes` with the presigned POST, as the browser does, to the local driver. */
async function post(upload: { fields: Record<string, string> }, bytes: Buffer) {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append("file", new Blob([new Uint8Array(bytes)]), "picture");
  const request = new Request("http://localhost/api/storage", { method: "POST", body: form });
  await getLocalStorage()!.receiveUpload(
    request.headers.get("content-type")!,
    Readable.fromWeb(request.body as NodeReadableStream),
  );
}

/** A JPEG with EXIF (camera, GPS position) that must not survive processing. */
function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 600, height: 400, channels: 3, background: "#3366cc" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "SecretCam", Model: "X1" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 0/1" },
    })
    .toBuffer();
}

/** A valid PNG (correct CRCs) claiming `width`×`height`, with 10 bytes of compressed pixels. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.alloc(10))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

async function uploadAvatar(userId: string, bytes: Buffer, contentType = "image/jpeg") {
  const upload = await createPictureUpload(
    { userId },
    { purpose: "avatar" },
    { fileName: "me.jpg", contentType, size: bytes.length },
  );
  await post(upload, bytes);
  return upload;
}

async function setUp(email: string, slug: string) {
  const { user, token } = await signedInUser(email);
  const { caller } = await callerWith(requestHeaders(token));
  await caller.workspace.create({ name: slug.toUpperCase(), slug });
  return { user, scope: (await findWorkspaceScope(user.id, slug))! };
}

describe("picture uploads", () => {
  it("process an avatar into WebP sizes without metadata and point the user at them", async () => {
    const { user } = await signedInUser("pic@example.com");
    const upload = await uploadAvatar(user.id, await photoWithGps());
    expect(upload.uploadId).toBeTruthy();
    const completed = await completeUpload({ userId: user.id }, upload.uploadId);
    expect(completed).toMatchObject({ status: "processing", error: null });
    // Completing twice changes nothing.
    expect(await completeUpload({ userId: user.id }, upload.uploadId)).toEqual(completed);
    expect(await runQueuedJobs("process-picture")).toBe(1);
    expect(await uploadStatus({ userId: user.id }, upload.uploadId)).toMatchObject({
      status: "ready",
    });
    const { avatarKey } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(avatarKey).toMatch(new RegExp(`^u/${user.id}/avatar/[A-Za-z0-9_-]{22}$`));
    const storage = getStorage();
    expect(await storage.head(`${avatarKey}/original`)).toBeNull();
    const chunks: Buffer[] = [];
    for await (const chunk of (await storage.get(`${avatarKey}/64.webp`)) as AsyncIterable<Buffer>)
      chunks.push(chunk);
    const meta = await sharp(Buffer.concat(chunks)).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 64, height: 64 });
    expect(meta.exif).toBeUndefined();
    expect(Buffer.concat(chunks).includes("SecretCam")).toBe(false);
    const urls = await pictureUrls(avatarKey);
    expect(urls?.s256).toContain(`/api/storage/${avatarKey}/256.webp?expires=`);

    // A new avatar replaces the old one, whose files go.
    const second = await uploadAvatar(user.id, await photoWithGps());
    await completeUpload({ userId: user.id }, second.uploadId);
    await runQueuedJobs("process-picture");
    await runQueuedJobs("delete-files");
    expect(await storage.head(`${avatarKey}/64.webp`)).toBeNull();
    expect(await db.upload.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuse a text file named .png, from its bytes, and another user's upload", async () => {
    const { user } = await signedInUser("text@example.com");
    const upload = await uploadAvatar(
      user.id,
      Buffer.from("just some text, not a picture"),
      "image/png",
    );
    const { user: other } = await signedInUser("other@example.com");
    await expect(completeUpload({ userId: other.id }, upload.uploadId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await completeUpload({ userId: user.id }, upload.uploadId)).toMatchObject({
      status: "failed",
      error: "The file is not a PNG, JPEG, WebP, GIF or AVIF image.",
    });
    expect(await runQueuedJobs("process-picture")).toBe(0);
  });

  it("refuse a decompression bomb: a tiny PNG claiming 100000×100000 pixels", async () => {
    const { user } = await signedInUser("bomb@example.com");
    const bomb = pngHeader(100_000, 100_000);
    expect(bomb.length).toBeLessThan(100);
    const upload = await uploadAvatar(user.id, bomb, "image/png");
    expect(await completeUpload({ userId: user.id }, upload.uploadId)).toMatchObject({
      status: "processing",
    });
    await runQueuedJobs("process-picture");
    const state = await uploadStatus({ userId: user.id }, upload.uploadId);
    expect(state.status).toBe("failed");
    expect(state.error).toMatch(/100000×100000 pixels/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).avatarKey).toBeNull();
  });

  it("count a logo against the plan's storage and name the limit when it is full", async () => {
    const { user, scope } = await setUp("logo@example.com", "logos");
    await db.upload.create({
      data: {
        key: `w/${scope.workspace.id}/import/big`,
        purpose: "import",
        workspaceId: scope.workspace.id,
        fileName: "big.csv",
        size: 100 * 1024 * 1024 - 100,
        contentType: "text/csv",
        status: "ready",
      },
    });
    const attempt = createPictureUpload(
      { userId: user.id },
      { purpose: "logo", scope },
      { fileName: "logo.png", contentType: "image/png", size: 1000 },
    );
    await expect(attempt).rejects.toBeInstanceOf(EntitlementError);
    await expect(attempt).rejects.toThrow(/Free plan allows 100 MB of file storage/);
  });
});

describe("emails", () => {
  it("an invitation shows the workspace's logo, signed for as long as the invitation lasts", async () => {
    const { user, scope } = await setUp("logo-mail@example.com", "logo-mail");
    const invite = (invitedById: string | null) =>
      db.invitation.create({
        data: {
          workspaceId: scope.workspace.id,
          email: `guest-${invitedById ? "a" : "b"}@example.com`,
          role: "member",
          invitedById,
          expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        },
      });
    const without = await invitationMail((await invite(user.id)).id);
    expect(without?.message).toMatchObject({ props: { workspaceLogoUrl: null } });

    const prefix = `w/${scope.workspace.id}/logos/sample`;
    await db.workspace.update({ where: { id: scope.workspace.id }, data: { logoKey: prefix } });
    const mail = await invitationMail((await invite(null)).id);
    const logo = new URL((mail?.message.props as { workspaceLogoUrl: string }).workspaceLogoUrl);
    expect(logo.pathname).toBe(`/api/storage/${prefix}/64.webp`);
    const expiresInMs = Number(logo.searchParams.get("expires")) * 1000 - Date.now();
    expect(expiresInMs).toBeGreaterThan(INVITATION_TTL_MS - 60_000);
    expect(getLocalStorage()!.verifyGetUrl(`${prefix}/64.webp`, logo.searchParams)).toBe(true);
  });
});

describe("deleting", () => {
  it("a workspace deletes its files; an account its avatar and its own workspaces' files", async () => {
    const { user, scope } = await setUp("owner@example.com", "doomed");
    const storage = getStorage();
    const logo = await createPictureUpload(
      { userId: user.id },
      { purpose: "logo", scope },
      { fileName: "l.jpg", contentType: "image/jpeg", size: (await photoWithGps()).length },
    );
    await post(logo, await photoWithGps());
    await completeUpload({ userId: user.id }, logo.uploadId);
    await runQueuedJobs("process-picture");
    const { logoKey } = await db.workspace.findUniqueOrThrow({ where: { id: scope.workspace.id } });
    expect(await storage.head(`${logoKey}/256.webp`)).not.toBeNull();
    await storage.put(`w/${scope.workspace.id}/import/a.csv`, Buffer.from("a"), {
      contentType: "text/csv",
    });
    await deleteWorkspace(scope, "doomed");
    expect(await runQueuedJobs("delete-files")).toBe(1);
    expect(await storage.head(`${logoKey}/256.webp`)).toBeNull();
    expect(await storage.head(`w/${scope.workspace.id}/import/a.csv`)).toBeNull();

    const { user: leaving, scope: own } = await setUp("leaving@example.com", "mine");
    await uploadAvatar(leaving.id, await photoWithGps());
    await storage.put(`w/${own.workspace.id}/import/b.csv`, Buffer.from("b"), {
      contentType: "text/csv",
    });
    await deleteAccount({ userId: leaving.id }, "correct horse battery");
    expect(await runQueuedJobs("delete-files")).toBe(2);
    expect(await storage.deletePrefix(`u/${leaving.id}/`)).toBe(0);
    expect(await storage.head(`w/${own.workspace.id}/import/b.csv`)).toBeNull();
  });
});
