import { describe, expect, it } from "vitest";
import { createSession, validateSessionToken } from "./session";
import { hashToken } from "./tokens";
import { lucia } from "@/server/auth/lucia";
import { db } from "@/server/db";
import { cleanDatabaseBeforeEach } from "@/test/database";

cleanDatabaseBeforeEach();

const meta = { ipAddress: "198.51.100.4", userAgent: "test-agent" };
const HOUR = 3_600_000;

async function newSession() {
  const user = await db.user.create({
    data: { email: "s@example.com", name: "S", passwordHash: "x", emailVerifiedAt: new Date() },
  });
  const session = await createSession(user.id, meta);
  return { user, token: session.id };
}

describe("sessions", () => {
  it("stores only the SHA-256 of the token, never the token itself", async () => {
    const { token } = await newSession();
    const rows = await db.session.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("validates a new session with its user and request details", async () => {
    const { user, token } = await newSession();
    const result = await validateSessionToken(token);
    expect(result?.user).toMatchObject({ id: user.id, email: "s@example.com" });
    expect(result?.session.fresh).toBe(false);
    expect(await db.session.findFirst()).toMatchObject({
      ipAddress: "198.51.100.4",
      userAgent: "test-agent",
    });
  });

  it("renews a session used in the second half of its idle window", async () => {
    const { token } = await newSession();
    const soon = new Date(Date.now() + HOUR);
    await db.session.update({ where: { id: hashToken(token) }, data: { expiresAt: soon } });
    const result = await validateSessionToken(token);
    expect(result?.session.fresh).toBe(true);
    const row = await db.session.findUniqueOrThrow({ where: { id: hashToken(token) } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(soon.getTime() + HOUR);
  });

  it("expires an idle session and deletes it", async () => {
    const { token } = await newSession();
    await db.session.update({
      where: { id: hashToken(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(validateSessionToken(token)).resolves.toBeNull();
    await expect(db.session.count()).resolves.toBe(0);
  });

  it("ends a session at its absolute lifetime even while in use", async () => {
    const { token } = await newSession();
    await db.session.update({
      where: { id: hashToken(token) },
      data: { absoluteExpiresAt: new Date(Date.now() - 1000) },
    });
    await expect(validateSessionToken(token)).resolves.toBeNull();
    await expect(db.session.count()).resolves.toBe(0);
  });

  it("rejects a revoked session and an unknown or tampered token", async () => {
    const { token } = await newSession();
    await lucia.invalidateSession(token);
    await expect(validateSessionToken(token)).resolves.toBeNull();
    await expect(validateSessionToken(`${token}x`)).resolves.toBeNull();
    await expect(validateSessionToken("")).resolves.toBeNull();
  });

  it("refuses the session of a disabled user and deletes it", async () => {
    const { user, token } = await newSession();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await expect(validateSessionToken(token)).resolves.toBeNull();
    await expect(db.session.count()).resolves.toBe(0);
  });

  it("starts no session for a disabled user, with sign-in's generic answer", async () => {
    const { user } = await newSession();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await expect(createSession(user.id, meta)).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      message: "Incorrect email or password.",
    });
    await expect(db.session.count()).resolves.toBe(1);
  });
});
