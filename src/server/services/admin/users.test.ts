/**
 * The admin console's procedures end to end (router → service → database, Stripe emulator and
 * pg-boss): who may call them, and what each does and records.
 */
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createCallerFactory, createTRPCContext, createTRPCRouter } from "@/server/api/init";
import { adminRouter } from "@/server/api/routers/admin";
import { validateSessionToken } from "@/server/auth/session";
import { db } from "@/server/db";
import { getBoss } from "@/server/jobs/queue";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { deliver, whileStripeIsDown, eventsOf, payCheckout } from "@/test/stripe";
import { callerWith, requestHeaders, signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

const createCaller = createCallerFactory(createTRPCRouter({ admin: adminRouter }));

/** The admin procedures as called with `token`'s session (anonymous without one). */
async function adminApi(token?: string) {
  const ctx = await createTRPCContext({
    headers: requestHeaders(token),
    resHeaders: new Headers(),
  });
  return createCaller(ctx).admin;
}

/** A signed-in staff member (isAdmin) and their admin procedures. */
async function signedInAdmin(email = "root@example.com") {
  const signed = await signedInUser(email);
  await db.user.update({ where: { id: signed.user.id }, data: { isAdmin: true } });
  return { ...signed, api: await adminApi(signed.token) };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

const auditRows = (action: string) => db.auditLog.findMany({ where: { action } });

/** A sample input of every admin procedure. */
const SAMPLES: Record<string, unknown> = {
  users: {},
  user: { userId: "u1" },
  disableUser: { userId: "u1" },
  enableUser: { userId: "u1" },
  signOutUser: { userId: "u1" },
  workspaces: {},
  workspace: { workspaceId: "w1" },
  stripeEvents: {},
  stripeEvent: { eventId: "evt_1" },
  replayStripeEvent: { eventId: "evt_1" },
  jobs: {},
  retryJob: { queue: "cleanup", jobId: "00000000-0000-4000-8000-000000000000" },
  auditLog: {},
};

type Api = Record<string, (input: unknown) => Promise<unknown>>;

describe("admin console: access", () => {
  it("has a sample for every procedure", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(adminRouter._def.procedures).sort());
  });

  it("answers UNAUTHORIZED to an anonymous caller and NOT_FOUND to a non-admin, for every procedure", async () => {
    const anonymous = (await adminApi()) as unknown as Api;
    const { token } = await signedInUser("ada@example.com");
    const member = (await adminApi(token)) as unknown as Api;
    for (const [name, input] of Object.entries(SAMPLES)) {
      expect([name, await codeOf(anonymous[name]!(input))]).toEqual([name, "UNAUTHORIZED"]);
      expect([name, await codeOf(member[name]!(input))]).toEqual([name, "NOT_FOUND"]);
    }
    await expect(member.users!({})).rejects.toThrow("Not found.");
  });

  it("lets an admin in, and no longer once the flag is revoked", async () => {
    const { api, user } = await signedInAdmin();
    await expect(api.users({})).resolves.toMatchObject({ items: [{ id: user.id }] });
    await db.user.update({ where: { id: user.id }, data: { isAdmin: false } });
    expect(await codeOf(api.users({}))).toBe("NOT_FOUND");
  });
});

describe("admin console: users", () => {
  it("searches email and name literally: % and _ are not wildcards", async () => {
    const { api } = await signedInAdmin();
    await signedInUser("percent%sign@example.com");
    await signedInUser("plain@example.com");
    await signedInUser("under_score@example.com");
    const percent = await api.users({ q: "%" });
    expect(percent.items.map((u) => u.email)).toEqual(["percent%sign@example.com"]);
    const underscore = await api.users({ q: "_" });
    expect(underscore.items.map((u) => u.email)).toEqual(["under_score@example.com"]);
    expect((await api.users({ q: "\\" })).items).toEqual([]);
    expect((await api.users({ q: "PLAIN" })).items).toHaveLength(1);
  });

  it("pages with an opaque cursor and refuses a tampered one on cursor", async () => {
    const { api } = await signedInAdmin();
    for (const name of ["a", "b", "c"]) await signedInUser(`${name}@example.com`);
    const first = await api.users({ limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await api.users({ limit: 2, cursor: first.nextCursor });
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((u) => u.id);
    expect(new Set(ids).size).toBe(4);
    await expect(api.users({ cursor: "bm90IGEgY3Vyc29y" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "cursor" },
    });
    expect(await codeOf(api.users({ limit: 101 }))).toBe("BAD_REQUEST");
  });

  it("shows a user with memberships and active sessions", async () => {
    const { api } = await signedInAdmin();
    const ada = await signedInUser("ada@example.com");
    const { caller } = await callerWith(requestHeaders(ada.token));
    await caller.workspace.create({ name: "Acme", slug: "acme" });
    await expect(api.user({ userId: ada.user.id })).resolves.toMatchObject({
      email: "ada@example.com",
      isAdmin: false,
      disabledAt: null,
      activeSessions: 1,
      memberships: [{ role: "owner", workspace: { slug: "acme" } }],
    });
    expect(await codeOf(api.user({ userId: "nobody" }))).toBe("NOT_FOUND");
  });

  it("disables a user: sessions gone, old token refused, sign-in refused with the generic message", async () => {
    const { api, user: admin } = await signedInAdmin();
    const ada = await signedInUser("ada@example.com", "ada password 123");
    await expect(api.disableUser({ userId: ada.user.id })).resolves.toMatchObject({
      status: "disabled",
      sessionsRevoked: 1,
    });
    expect(await db.session.count({ where: { userId: ada.user.id } })).toBe(0);
    await expect(validateSessionToken(ada.token)).resolves.toBeNull();
    expect(await codeOf((await adminApi(ada.token)).users({}))).toBe("UNAUTHORIZED");

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

    await api.enableUser({ userId: ada.user.id });
    await expect(
      caller.session.signIn({ email: "ada@example.com", password: "ada password 123" }),
    ).resolves.toMatchObject({ user: { email: "ada@example.com" } });
    expect(await auditRows("admin.user_enabled")).toHaveLength(1);
  });

  it("refuses to let an admin disable themself", async () => {
    const { api, user, token } = await signedInAdmin();
    await expect(api.disableUser({ userId: user.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "You cannot disable your own account.",
    });
    await expect(validateSessionToken(token)).resolves.not.toBeNull();
    expect(await db.auditLog.count()).toBe(0);
  });

  it("signs a user out everywhere", async () => {
    const { api, user: admin } = await signedInAdmin();
    const ada = await signedInUser("ada@example.com");
    await expect(api.signOutUser({ userId: ada.user.id })).resolves.toEqual({ sessionsRevoked: 1 });
    await expect(validateSessionToken(ada.token)).resolves.toBeNull();
    expect(await auditRows("admin.user_signed_out")).toMatchObject([
      { actorId: admin.id, targetId: ada.user.id },
    ]);
  });
});

describe("admin console: workspaces and audit log", () => {
  it("searches workspaces and shows one with members, plan and project count", async () => {
    const { api } = await signedInAdmin();
    const ada = await signedInUser("ada@example.com");
    const { caller } = await callerWith(requestHeaders(ada.token));
    await caller.workspace.create({ name: "Acme 100%", slug: "acme" });
    await caller.workspace.create({ name: "Other", slug: "other" });
    const found = await api.workspaces({ q: "%" });
    expect(found.items).toMatchObject([{ slug: "acme", plan: "free", members: 1, projects: 0 }]);
    await expect(api.workspace({ workspaceId: found.items[0]!.id })).resolves.toMatchObject({
      slug: "acme",
      plan: "free",
      subscription: null,
      projectCount: 0,
      members: [{ email: "ada@example.com", role: "owner" }],
    });
    expect(await codeOf(api.workspace({ workspaceId: "nope" }))).toBe("NOT_FOUND");
  });

  it("lists the audit log across workspaces, filtered by action", async () => {
    const { api } = await signedInAdmin();
    const ada = await signedInUser("ada@example.com");
    const { caller } = await callerWith(requestHeaders(ada.token));
    await caller.workspace.create({ name: "Acme", slug: "acme" });
    await api.signOutUser({ userId: ada.user.id });
    const all = await api.auditLog({});
    expect(all.items.map((e) => e.action)).toContain("admin.user_signed_out");
    const only = await api.auditLog({ action: "admin.user_signed_out" });
    expect(only.items).toMatchObject([{ actor: { email: "root@example.com" }, workspace: null }]);
    expect(await codeOf(api.auditLog({ cursor: "x" }))).toBe("BAD_REQUEST");
  });
});

describe("admin console: Stripe events", () => {
  it("replays a failed event (processed, audited) and records a second replay's outcome", async () => {
    const { api, user: admin } = await signedInAdmin();
    const ada = await signedInUser("ada@example.com");
    const { caller } = await callerWith(requestHeaders(ada.token));
    await caller.workspace.create({ name: "Acme", slug: "acme" });
    const { url } = await caller.billing.createCheckoutSession({
      workspaceSlug: "acme",
      plan: "pro",
      interval: "month",
    });
    expect((await payCheckout(url)).status).toBe(303);
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "acme" } });
    const [event] = (await eventsOf(workspace.stripeCustomerId!)).filter(
      (e) => e.type === "invoice.paid",
    );

    // Stripe unreachable while handling: the handler fails honestly.
    expect((await whileStripeIsDown(() => deliver(event!))).status).toBe(500);

    const failed = await api.stripeEvents({ status: "failed" });
    expect(failed.items).toMatchObject([{ id: event!.id, status: "failed", attempts: 1 }]);
    expect(failed.items[0]!.lastError).toMatch(/StripeConnectionError/);
    await expect(api.stripeEvent({ eventId: event!.id })).resolves.toMatchObject({
      payload: { id: event!.id, type: "invoice.paid" },
    });

    await expect(api.replayStripeEvent({ eventId: event!.id })).resolves.toEqual({
      outcome: "processed",
      lastError: null,
    });
    expect(
      await db.subscription.findUnique({ where: { workspaceId: workspace.id } }),
    ).toMatchObject({ planSlug: "pro", status: "active" });
    // Replaying a processed event is allowed: it runs again and is recorded with its outcome.
    await expect(api.replayStripeEvent({ eventId: event!.id })).resolves.toMatchObject({
      outcome: "processed",
    });
    const rows = await db.auditLog.findMany({
      where: { action: "admin.stripe_event_replayed" },
      orderBy: { createdAt: "asc" },
    });
    expect(rows).toMatchObject([
      {
        actorId: admin.id,
        targetId: event!.id,
        metadata: { eventId: event!.id, previousStatus: "failed", outcome: "processed" },
      },
      { metadata: { previousStatus: "processed", outcome: "processed" } },
    ]);
    expect(await codeOf(api.replayStripeEvent({ eventId: "evt_unknown" }))).toBe("NOT_FOUND");
  });
});

describe("admin console: jobs", () => {
  /** A cleanup job run by hand through pg-boss: completed, or failed with `message`. */
  async function ranJob(result: { fail: string } | "complete") {
    const boss = await getBoss();
    const id = await boss.send("cleanup", {}, { retryLimit: 0 });
    const [job] = await boss.fetch("cleanup");
    expect(job?.id).toBe(id);
    if (result === "complete") await boss.complete("cleanup", id!, { sessions: 0 });
    else await boss.fail("cleanup", id!, { message: result.fail });
    return id!;
  }

  it("lists a failed job first with its error, and retries it (audited)", async () => {
    const { api, user: admin } = await signedInAdmin();
    const done = await ranJob("complete");
    const failed = await ranJob({ fail: "database went away" });
    const { items } = await api.jobs({});
    expect(items.map((j) => j.id)).toEqual([failed, done]);
    expect(items[0]).toMatchObject({
      queue: "cleanup",
      state: "failed",
      retryCount: 0,
      retryLimit: 0,
      error: "database went away",
    });
    expect(items[1]).toMatchObject({ state: "completed", error: null });
    expect((await api.jobs({ state: "completed" })).items.map((j) => j.id)).toEqual([done]);
    expect((await api.jobs({ queue: "send-email" })).items).toEqual([]);
    expect(await codeOf(api.jobs({ queue: "no-such-queue" }))).toBe("BAD_REQUEST");

    await expect(api.retryJob({ queue: "cleanup", jobId: failed })).resolves.toEqual({
      status: "queued",
    });
    const [again] = await (await getBoss()).findJobs("cleanup", { id: failed });
    expect(again?.state).toBe("retry");
    expect(await auditRows("admin.job_retried")).toMatchObject([
      { actorId: admin.id, targetId: failed, metadata: { queue: "cleanup", jobId: failed } },
    ]);
  });

  it("refuses to retry a completed job with CONFLICT, and records the refusal", async () => {
    const { api, user: admin } = await signedInAdmin();
    const done = await ranJob("complete");
    await expect(api.retryJob({ queue: "cleanup", jobId: done })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Only a failed job can be retried.",
    });
    expect(await auditRows("admin.job_retry_refused")).toMatchObject([
      {
        actorId: admin.id,
        targetId: done,
        metadata: { state: "completed", reason: "Only a failed job can be retried." },
      },
    ]);
    expect(
      await codeOf(
        api.retryJob({ queue: "cleanup", jobId: "00000000-0000-4000-8000-000000000000" }),
      ),
    ).toBe("NOT_FOUND");
  });
});
