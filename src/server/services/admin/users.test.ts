/**
 * The admin console's user procedures end to end (router → service → database): search, details,
 * disable, enable, sign out everywhere, and what each records.
 */
import { describe, expect, it } from "vitest";
import { validateSessionToken } from "@/server/auth/session";
import { db } from "@/server/db";
import { adminApi, auditRows, codeOf, signedInAdmin } from "@/test/admin";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { callerWith, requestHeaders, signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

describe("admin console: users", () => {
  it("searches email and name literally: % and _ are not wildcards", async () => {
    const { api } = await signedInAdmin();
    await signedInUser("percent%sign@example.com");
    await signedInUser("plain@example.com");
    await signedInUser("under_score@example.com");
    const percent = await api.users.list({ q: "%" });
    expect(percent.items.map((u) => u.email)).toEqual(["percent%sign@example.com"]);
    const underscore = await api.users.list({ q: "_" });
    expect(underscore.items.map((u) => u.email)).toEqual(["under_score@example.com"]);
    expect((await api.users.list({ q: "\\" })).items).toEqual([]);
    expect((await api.users.list({ q: "PLAIN" })).items).toHaveLength(1);
  });

  it("pages with an opaque cursor and refuses a tampered one on cursor", async () => {
    const { api } = await signedInAdmin();
    for (const name of ["a", "b", "c"]) await signedInUser(`${name}@example.com`);
    const first = await api.users.list({ limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await api.users.list({ limit: 2, cursor: first.nextCursor });
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((u) => u.id);
    expect(new Set(ids).size).toBe(4);
    await expect(api.users.list({ cursor: "bm90IGEgY3Vyc29y" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "cursor" },
    });
    expect(await codeOf(api.users.list({ limit: 101 }))).toBe("BAD_REQUEST");
  });

  it("shows a user with memberships and active sessions", async () => {
    const { api } = await signedInAdmin();
    const ada = await signedInUser("ada@example.com");
    const { caller } = await callerWith(requestHeaders(ada.token));
    await caller.workspace.create({ name: "Acme", slug: "acme" });
    await expect(api.users.get({ userId: ada.user.id })).resolves.toMatchObject({
      email: "ada@example.com",
      isAdmin: false,
      disabledAt: null,
      activeSessions: 1,
      memberships: [{ role: "owner", workspace: { slug: "acme" } }],
    });
    expect(await codeOf(api.users.get({ userId: "nobody" }))).toBe("NOT_FOUND");
  });

  it("disables a user: sessions gone, old token refused, sign-in refused with the generic message", async () => {
    const { api, user: admin } = await signedInAdmin();
    const ada = await signedInUser("ada@example.com", "ada password 123");
    await expect(api.users.disable({ userId: ada.user.id })).resolves.toMatchObject({
      status: "disabled",
      sessionsRevoked: 1,
    });
    expect(await db.session.count({ where: { userId: ada.user.id } })).toBe(0);
    await expect(validateSessionToken(ada.token)).resolves.toBeNull();
    expect(await codeOf((await adminApi(ada.token)).users.list({}))).toBe("UNAUTHORIZED");

    const { caller } = await callerWith();
    await expect(
      caller.session.signIn({ email: "ada@example.com", password: "ada password 123" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "Incorrect email or password." });
    expect(await db.session.count({ where: { userId: ada.user.id } })).toBe(0);

    const [row] = await auditRows("admin.user_disabled");
    expect(row).toMatchObject({
      actorId: admin.id,
      workspaceId: null,
      targetType: "user",
      targetId: ada.user.id,
      metadata: { email: "ada@example.com", sessionsRevoked: 1 },
    });

    await api.users.enable({ userId: ada.user.id });
    await expect(
      caller.session.signIn({ email: "ada@example.com", password: "ada password 123" }),
    ).resolves.toMatchObject({ user: { email: "ada@example.com" } });
    expect(await auditRows("admin.user_enabled")).toHaveLength(1);
  });

  it("refuses to let an admin disable themself", async () => {
    const { api, user, token } = await signedInAdmin();
    await expect(api.users.disable({ userId: user.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "You cannot disable your own account.",
    });
    await expect(validateSessionToken(token)).resolves.not.toBeNull();
    expect(await db.auditLog.count()).toBe(0);
  });

  it("signs a user out everywhere", async () => {
    const { api, user: admin } = await signedInAdmin();
    const ada = await signedInUser("ada@example.com");
    await expect(api.users.signOut({ userId: ada.user.id })).resolves.toEqual({
      sessionsRevoked: 1,
    });
    await expect(validateSessionToken(ada.token)).resolves.toBeNull();
    expect(await auditRows("admin.user_signed_out")).toMatchObject([
      { actorId: admin.id, targetId: ada.user.id },
    ]);
  });
});
