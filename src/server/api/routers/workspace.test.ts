import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { countQueries } from "@/test/queries";
import {
  callerWith,
  requestHeaders,
  sessionTokenFrom,
  signedInUser,
  tokenFromOutbox,
} from "@/test/trpc";

cleanDatabaseBeforeEach();

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** A signed-in user with a caller; `email` distinguishes users. */
async function person(email: string) {
  const { user, password, token } = await signedInUser(email);
  const { caller } = await callerWith(requestHeaders(token));
  return { user, password, token, caller };
}

/** Ada owns "acme"; Bob is a member of it. */
async function team() {
  const ada = await person("ada@example.com");
  const bob = await person("bob@example.com");
  await ada.caller.workspace.create({ name: "Acme", slug: "acme" });
  const acme = await db.workspace.findUniqueOrThrow({ where: { slug: "acme" } });
  await db.membership.create({
    data: { workspaceId: acme.id, userId: bob.user.id, role: "member" },
  });
  return { ada, bob, acme };
}

const actions = async (workspaceId: string) =>
  (await db.auditLog.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" } })).map(
    (entry) => entry.action,
  );

describe("workspaces", () => {
  it("gives every newly verified user a personal workspace they own", async () => {
    const { caller } = await callerWith();
    await caller.account.signUp({
      name: "Grace",
      email: "grace@example.com",
      password: "a long password",
    });
    const token = await tokenFromOutbox("grace@example.com", "/verify-email");
    const verified = await callerWith();
    await verified.caller.account.verifyEmail({ token, password: "a long password" });
    const memberships = await db.membership.findMany({ include: { workspace: true } });
    expect(memberships).toHaveLength(1);
    expect(memberships[0]).toMatchObject({
      role: "owner",
      workspace: { name: "Grace's workspace", slug: "graces-workspace" },
    });
  });

  it("creates a workspace with its owner and an audit entry; a taken slug is a field error", async () => {
    const { ada, acme } = await team();
    await expect(ada.caller.workspace.get({ workspaceSlug: "acme" })).resolves.toMatchObject({
      name: "Acme",
      role: "owner",
      permissions: expect.arrayContaining(["workspace:delete", "members:invite"]),
    });
    expect(await actions(acme.id)).toEqual(["workspace.created"]);
    const taken = await errorOf(ada.caller.workspace.create({ name: "Again", slug: "acme" }));
    expect([taken.code, taken.cause]).toEqual([
      "CONFLICT",
      expect.objectContaining({ field: "slug" }),
    ]);
    const bad = await errorOf(ada.caller.workspace.create({ name: "Bad", slug: "Not Valid!" }));
    expect(bad.code).toBe("BAD_REQUEST");
    const reserved = await errorOf(ada.caller.workspace.create({ name: "Bad", slug: "admin" }));
    expect(reserved.code).toBe("BAD_REQUEST");
  });

  it("derives a readable slug from a non-Latin name, and 'workspace' from one with nothing to spell", async () => {
    const ada = await person("ada@example.com");
    const cases: [name: string, slug: RegExp][] = [
      ["Команда Альфа", /^komanda-alfa$/],
      ["Ομάδα Άλφα", /^omada-alfa$/],
      ["北京团队", /^bei-jing-tuan-dui$/],
      ["🚀🔥", /^workspace$/],
      ["✨✨", /^workspace-[0-9a-f]{6}$/], // "workspace" is taken now: a random suffix
      ["Admin", /^workspace-admin$/], // reserved as a slug
    ];
    for (const [name, slug] of cases) {
      const created = await ada.caller.workspace.create({ name });
      expect(created.slug, name).toMatch(slug);
    }
  });

  it("keeps exactly one owner: the owner's role cannot be changed, and transfer swaps roles", async () => {
    const { ada, bob, acme } = await team();
    await ada.caller.member.updateRole({
      workspaceSlug: "acme",
      userId: bob.user.id,
      role: "admin",
    });
    const demote = await errorOf(
      bob.caller.member.updateRole({ workspaceSlug: "acme", userId: ada.user.id, role: "member" }),
    );
    expect(demote.code).toBe("FORBIDDEN");
    const leave = await errorOf(ada.caller.workspace.leave({ workspaceSlug: "acme" }));
    expect(leave.code).toBe("CONFLICT");

    await ada.caller.workspace.transferOwnership({ workspaceSlug: "acme", userId: bob.user.id });
    const roles = await db.membership.findMany({
      where: { workspaceId: acme.id },
      orderBy: { role: "asc" },
    });
    expect(roles.map((m) => [m.userId, m.role])).toEqual([
      [bob.user.id, "owner"],
      [ada.user.id, "admin"],
    ]);
    expect(await actions(acme.id)).toEqual([
      "workspace.created",
      "member.role_changed",
      "workspace.ownership_transferred",
    ]);
  });

  it("never reaches into another workspace, whatever ids it is given", async () => {
    const { ada, acme } = await team();
    const eve = await person("eve@example.com");
    await eve.caller.workspace.create({ name: "Evil", slug: "evil" });
    const removeAcross = await errorOf(
      eve.caller.member.remove({ workspaceSlug: "evil", userId: ada.user.id }),
    );
    expect(removeAcross.code).toBe("NOT_FOUND");
    const read = await errorOf(eve.caller.member.list({ workspaceSlug: "acme" }));
    expect(read.code).toBe("NOT_FOUND");
    expect(await db.membership.count({ where: { workspaceId: acme.id } })).toBe(2);
  });

  it("deletes only with the slug typed back, keeping the audit trail", async () => {
    const { ada, acme } = await team();
    const wrong = await errorOf(
      ada.caller.workspace.delete({ workspaceSlug: "acme", confirmSlug: "acm" }),
    );
    expect(wrong.cause).toMatchObject({ field: "confirmSlug" });
    await ada.caller.workspace.delete({ workspaceSlug: "acme", confirmSlug: "acme" });
    expect(await db.workspace.findUnique({ where: { id: acme.id } })).toBeNull();
    const trail = await db.auditLog.findMany({ where: { action: "workspace.deleted" } });
    expect(trail).toHaveLength(1);
    expect(trail[0]?.metadata).toEqual({ name: "Acme", slug: "acme" });
  });

  it("refuses to delete an account that owns a workspace with other members", async () => {
    const { ada } = await team();
    const error = await errorOf(ada.caller.account.delete({ password: ada.password }));
    expect(error.code).toBe("CONFLICT");
    expect(await db.user.count()).toBe(2);
  });
});

describe("invitations", () => {
  it("invites a new person who signs up with that address and accepts", async () => {
    const { ada, acme } = await team();
    await ada.caller.invitation.create({
      workspaceSlug: "acme",
      email: "Carol@Example.com",
      role: "admin",
    });
    const duplicate = await errorOf(
      ada.caller.invitation.create({
        workspaceSlug: "acme",
        email: "carol@example.com",
        role: "member",
      }),
    );
    expect([duplicate.code, duplicate.cause]).toEqual([
      "CONFLICT",
      expect.objectContaining({ field: "email" }),
    ]);
    const member = await errorOf(
      ada.caller.invitation.create({
        workspaceSlug: "acme",
        email: "bob@example.com",
        role: "member",
      }),
    );
    expect(member.code).toBe("CONFLICT");

    const link = await tokenFromOutbox("carol@example.com", "/invite");
    const visitor = await callerWith();
    const shown = await visitor.caller.invitation.get({ token: link });
    expect(shown).toMatchObject({ workspaceName: "Acme", inviterName: "Ada", role: "admin" });

    const mallory = await person("mallory@example.com");
    const stolen = await errorOf(mallory.caller.invitation.accept({ invitationId: shown.id }));
    expect(stolen.code).toBe("FORBIDDEN");

    await visitor.caller.account.signUp({
      name: "Carol",
      email: "carol@example.com",
      password: "carol's password",
    });
    const verify = await tokenFromOutbox("carol@example.com", "/verify-email");
    const carol = await callerWith();
    await carol.caller.account.verifyEmail({ token: verify, password: "carol's password" });
    const signedIn = await callerWith(requestHeaders(sessionTokenFrom(carol.resHeaders)!));
    await expect(signedIn.caller.invitation.listMine()).resolves.toHaveLength(1);
    await expect(signedIn.caller.invitation.accept({ invitationId: shown.id })).resolves.toEqual({
      workspaceSlug: "acme",
    });
    await expect(signedIn.caller.workspace.get({ workspaceSlug: "acme" })).resolves.toMatchObject({
      role: "admin",
    });
    expect((await errorOf(visitor.caller.invitation.get({ token: link }))).code).toBe(
      "BAD_REQUEST",
    );
    expect(await actions(acme.id)).toEqual([
      "workspace.created",
      "invitation.created",
      "invitation.accepted",
    ]);
  });

  it("resends with a new link (the old one stops working) and revokes", async () => {
    const { ada } = await team();
    const { id } = await ada.caller.invitation.create({
      workspaceSlug: "acme",
      email: "dan@example.com",
      role: "member",
    });
    const first = await tokenFromOutbox("dan@example.com", "/invite");
    await ada.caller.invitation.resend({ workspaceSlug: "acme", invitationId: id });
    const second = await tokenFromOutbox("dan@example.com", "/invite");
    const visitor = await callerWith();
    expect((await errorOf(visitor.caller.invitation.get({ token: first }))).code).toBe(
      "BAD_REQUEST",
    );
    await expect(visitor.caller.invitation.get({ token: second })).resolves.toMatchObject({
      email: "dan@example.com",
    });
    await ada.caller.invitation.revoke({ workspaceSlug: "acme", invitationId: id });
    await expect(ada.caller.invitation.list({ workspaceSlug: "acme" })).resolves.toEqual([]);
    expect((await errorOf(visitor.caller.invitation.get({ token: second }))).code).toBe(
      "BAD_REQUEST",
    );
  });

  it("limits an inviter's resends without blocking the invitee's own mail", async () => {
    const { ada } = await team();
    await signedInUser("dan@example.com");
    const { id } = await ada.caller.invitation.create({
      workspaceSlug: "acme",
      email: "dan@example.com",
      role: "member",
    });
    const resend = () => ada.caller.invitation.resend({ workspaceSlug: "acme", invitationId: id });
    for (let i = 0; i < 4; i += 1) await resend();
    expect((await errorOf(resend())).code).toBe("TOO_MANY_REQUESTS");
    const dan = await callerWith(requestHeaders(undefined, "203.0.113.50"));
    await expect(
      dan.caller.account.requestPasswordReset({ email: "dan@example.com" }),
    ).resolves.toEqual({ status: "check-email" });
    await expect(tokenFromOutbox("dan@example.com", "/reset-password")).resolves.toBeTruthy();
  });

  it("refuses an expired invitation", async () => {
    const { ada } = await team();
    await ada.caller.invitation.create({
      workspaceSlug: "acme",
      email: "old@example.com",
      role: "member",
    });
    const link = await tokenFromOutbox("old@example.com", "/invite");
    await db.invitation.updateMany({ data: { expiresAt: new Date(Date.now() - 1) } });
    const visitor = await callerWith();
    expect((await errorOf(visitor.caller.invitation.get({ token: link }))).code).toBe(
      "BAD_REQUEST",
    );
  });
});

describe("the membership of one request", () => {
  it("is looked up once by the request's queries", async () => {
    const { ada } = await team();
    const subscription = () => ada.caller.billing.subscription({ workspaceSlug: "acme" });
    const { queries: first } = await countQueries(subscription);
    const { queries: again } = await countQueries(subscription);
    const { queries: other } = await countQueries(() =>
      ada.caller.workspace.get({ workspaceSlug: "acme" }),
    );
    const { caller: fresh } = await callerWith(requestHeaders(ada.token));
    const { queries: fresher } = await countQueries(() =>
      fresh.workspace.get({ workspaceSlug: "acme" }),
    );
    // The membership lookup (its statements) is what the request's later queries save.
    expect(again).toBeLessThan(first);
    expect(other).toBeLessThan(fresher);
    expect(first - again).toBe(fresher - other);
  });

  it("is read afresh by a mutation: a role changed since the request's queries applies", async () => {
    const { ada, bob } = await team();
    await bob.caller.workspace.get({ workspaceSlug: "acme" });
    const inviting = () =>
      bob.caller.invitation.create({
        workspaceSlug: "acme",
        email: "carol@example.com",
        role: "member",
      });
    expect((await errorOf(inviting())).code).toBe("FORBIDDEN");
    await ada.caller.member.updateRole({
      workspaceSlug: "acme",
      userId: bob.user.id,
      role: "admin",
    });
    await inviting();
    expect(await db.invitation.count({ where: { email: "carol@example.com" } })).toBe(1);
  });
});
