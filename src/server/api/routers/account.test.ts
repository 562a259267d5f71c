import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { hashToken } from "@/server/auth/tokens";
import { db } from "@/server/db";
import { OTHER_ACCOUNTS_LINK } from "@/server/services/accounts";
import { runQueuedJobs } from "@/test/jobs";
import { cleanDatabaseBeforeEach } from "@/test/database";
import {
  callerWith,
  requestHeaders,
  sessionTokenFrom,
  signedInUser,
  tokenFromOutbox,
} from "@/test/trpc";

cleanDatabaseBeforeEach();

const signUpData = { name: "Grace", email: "Grace@Example.com ", password: "a long password" };

/** The error a promise rejects with (fails the test when it resolves). */
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

/** Signs up and verifies `email`; returns the session token set by verification. */
async function signUpAndVerify(email = "grace@example.com") {
  const { caller } = await callerWith();
  await caller.account.signUp({ ...signUpData, email });
  const token = await tokenFromOutbox(email, "/verify-email");
  const verified = await callerWith();
  await verified.caller.account.verifyEmail({ token, password: signUpData.password });
  return sessionTokenFrom(verified.resHeaders)!;
}

describe("sign-up and email verification", () => {
  it("creates an unverified account without a session, then verification signs the user in", async () => {
    const { caller, resHeaders } = await callerWith();
    await expect(caller.account.signUp(signUpData)).resolves.toEqual({ status: "check-email" });
    expect(sessionTokenFrom(resHeaders)).toBeNull();
    const user = await db.user.findUniqueOrThrow({ where: { email: "grace@example.com" } });
    expect(user.emailVerifiedAt).toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const token = await tokenFromOutbox("grace@example.com", "/verify-email");
    const verify = await callerWith();
    await expect(
      verify.caller.account.verifyEmail({ token, password: signUpData.password }),
    ).resolves.toEqual({
      email: "grace@example.com",
      invitationPending: false,
    });
    const sessionToken = sessionTokenFrom(verify.resHeaders);
    expect(sessionToken).toBeTruthy();
    expect(await db.session.findUnique({ where: { id: hashToken(sessionToken!) } })).not.toBeNull();
    expect(
      (await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt,
    ).not.toBeNull();

    const me = await callerWith(requestHeaders(sessionToken!));
    await expect(me.caller.account.me()).resolves.toMatchObject({ email: "grace@example.com" });
  });

  it("answers a sign-up with a taken address exactly like a new one, and tells the owner", async () => {
    await signUpAndVerify();
    const { caller, resHeaders } = await callerWith();
    await expect(
      caller.account.signUp({ ...signUpData, password: "another password" }),
    ).resolves.toEqual({ status: "check-email" });
    expect(sessionTokenFrom(resHeaders)).toBeNull();
    expect(await db.user.count()).toBe(1);
    await runQueuedJobs("send-email");
    const last = await db.outboxEmail.findFirst({ orderBy: { createdAt: "desc" } });
    expect(last?.subject).toBe("You already have an account");
  });

  it("refuses a used, unknown or expired verification link on the token field", async () => {
    const { caller } = await callerWith();
    await caller.account.signUp(signUpData);
    const token = await tokenFromOutbox("grace@example.com", "/verify-email");
    await caller.account.verifyEmail({ token, password: signUpData.password });
    const reused = await errorOf(
      caller.account.verifyEmail({ token, password: signUpData.password }),
    );
    expect(reused.code).toBe("BAD_REQUEST");
    expect(reused.message).toBe("This link is invalid or has expired. Request a new one.");

    await caller.account.signUp({ ...signUpData, email: "late@example.com" });
    const late = await tokenFromOutbox("late@example.com", "/verify-email");
    await db.emailToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1) } });
    expect(
      (await errorOf(caller.account.verifyEmail({ token: late, password: signUpData.password })))
        .code,
    ).toBe("BAD_REQUEST");
    expect(
      (
        await errorOf(
          caller.account.verifyEmail({ token: "x".repeat(43), password: signUpData.password }),
        )
      ).code,
    ).toBe("BAD_REQUEST");
  });

  it("resends a verification link to an unverified address only; using one voids the others", async () => {
    const { caller } = await callerWith();
    await caller.account.signUp(signUpData);
    const first = await tokenFromOutbox("grace@example.com", "/verify-email");
    await expect(
      caller.account.resendVerification({ email: "grace@example.com" }),
    ).resolves.toEqual({ status: "check-email" });
    const second = await tokenFromOutbox("grace@example.com", "/verify-email");
    expect(second).not.toBe(first);
    await expect(
      caller.account.verifyEmail({ token: second, password: signUpData.password }),
    ).resolves.toBeTruthy();
    expect(
      (await errorOf(caller.account.verifyEmail({ token: first, password: signUpData.password })))
        .code,
    ).toBe("BAD_REQUEST");

    await caller.account.resendVerification({ email: "grace@example.com" });
    await caller.account.resendVerification({ email: "nobody@example.com" });
    await runQueuedJobs("send-email");
    expect(await db.outboxEmail.count()).toBe(2);
  });

  it("binds each sign-up link to its own password: a second sign-up cannot plant a password", async () => {
    const { caller } = await callerWith();
    await caller.account.signUp(signUpData);
    const owners = await tokenFromOutbox("grace@example.com", "/verify-email");
    await caller.account.signUp({ ...signUpData, name: "Mallory", password: "mallory's password" });
    const mallorys = await tokenFromOutbox("grace@example.com", "/verify-email");

    const wrong = await errorOf(
      caller.account.verifyEmail({ token: mallorys, password: signUpData.password }),
    );
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(wrong.cause).toMatchObject({ field: "password" });

    await caller.account.verifyEmail({ token: owners, password: signUpData.password });
    expect(
      (
        await errorOf(
          caller.account.verifyEmail({ token: mallorys, password: "mallory's password" }),
        )
      ).code,
    ).toBe("BAD_REQUEST");
    const intruder = await errorOf(
      caller.session.signIn({ email: "grace@example.com", password: "mallory's password" }),
    );
    expect(intruder.code).toBe("UNAUTHORIZED");
    await expect(
      caller.session.signIn({ email: "grace@example.com", password: signUpData.password }),
    ).resolves.toMatchObject({ user: { name: "Grace" } });
  });

  it("rejects malformed input with field errors and unknown keys, writing nothing", async () => {
    const { caller } = await callerWith();
    const bad = await errorOf(
      caller.account.signUp({ name: "", email: "not-an-email", password: "short" }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    const extra = await errorOf(
      caller.account.signUp({ ...signUpData, isAdmin: true } as typeof signUpData),
    );
    expect(extra.code).toBe("BAD_REQUEST");
    const huge = await errorOf(caller.account.signUp({ ...signUpData, name: "x".repeat(10_000) }));
    expect(huge.code).toBe("BAD_REQUEST");
    expect(await db.user.count()).toBe(0);
  });
});

/** The sign-up browser cookie a response set, as a Cookie header value ("name=nonce"). */
function bindingCookieFrom(resHeaders: Headers): string {
  const cookie = resHeaders.getSetCookie().find((c) => /^(__Host-)?sign-up=/.test(c));
  if (!cookie) throw new Error("no sign-up cookie set");
  return cookie.split(";")[0]!;
}

/** Request headers carrying `cookie` (and no session). */
function withCookie(cookie: string): Headers {
  const headers = requestHeaders();
  headers.set("cookie", cookie);
  return headers;
}

describe("sign-up in one browser", () => {
  it("confirms without the password in the browser that signed up, and asks for it elsewhere", async () => {
    const signUp = await callerWith();
    await signUp.caller.account.signUp(signUpData);
    const cookie = bindingCookieFrom(signUp.resHeaders);
    expect(signUp.resHeaders.getSetCookie().join()).toMatch(/HttpOnly/i);
    const token = await tokenFromOutbox("grace@example.com", "/verify-email");
    // The stored binding is a hash, not the nonce.
    const row = await db.emailToken.findFirstOrThrow({ where: { purpose: "EMAIL_VERIFICATION" } });
    expect(row.browserBindingHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.browserBindingHash).not.toContain(cookie.split("=")[1]);

    const elsewhere = await callerWith();
    await expect(elsewhere.caller.account.getVerification({ token })).resolves.toEqual({
      status: "pending",
      sameBrowser: false,
    });
    const missing = await errorOf(elsewhere.caller.account.verifyEmail({ token }));
    expect(missing.code).toBe("BAD_REQUEST");
    expect(missing.cause).toMatchObject({ field: "password" });
    // Another sign-up browser's cookie does not count either.
    const stranger = await callerWith();
    await stranger.caller.account.signUp({ ...signUpData, email: "eve@example.com" });
    const strangers = await callerWith(withCookie(bindingCookieFrom(stranger.resHeaders)));
    expect((await errorOf(strangers.caller.account.verifyEmail({ token }))).code).toBe(
      "BAD_REQUEST",
    );

    const same = await callerWith(withCookie(cookie));
    await expect(same.caller.account.getVerification({ token })).resolves.toEqual({
      status: "pending",
      sameBrowser: true,
    });
    await expect(same.caller.account.verifyEmail({ token })).resolves.toMatchObject({
      email: "grace@example.com",
    });
    expect(sessionTokenFrom(same.resHeaders)).toBeTruthy();
    // The binding cookie is cleared, and the used link now reads as used.
    expect(same.resHeaders.getSetCookie().some((c) => /sign-up=;.*Max-Age=0/i.test(c))).toBe(true);
    await expect(elsewhere.caller.account.getVerification({ token })).resolves.toEqual({
      status: "used",
      sameBrowser: false,
    });
  });

  it("answers an unknown link as invalid on the token field", async () => {
    const { caller } = await callerWith();
    const error = await errorOf(caller.account.getVerification({ token: "x".repeat(43) }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toMatchObject({ field: "token" });
  });
});

describe("sign-up from an invitation", () => {
  async function invitationTo(email: string) {
    const owner = await signedInUser("owner@example.com");
    const workspace = await db.workspace.create({
      data: {
        name: "Acme",
        slug: "acme",
        memberships: { create: { userId: owner.user.id, role: "owner" } },
      },
    });
    const token = "i".repeat(43);
    const invitation = await db.invitation.create({
      data: {
        workspaceId: workspace.id,
        email,
        role: "member",
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    return { token, invitation, workspace };
  }

  it("makes no personal workspace while the invitation waits, and says so", async () => {
    const { token: invitationToken } = await invitationTo("grace@example.com");
    const signUp = await callerWith();
    await signUp.caller.account.signUp({ ...signUpData, invitationToken });
    const token = await tokenFromOutbox("grace@example.com", "/verify-email");
    const verify = await callerWith();
    await expect(
      verify.caller.account.verifyEmail({ token, password: signUpData.password }),
    ).resolves.toEqual({ email: "grace@example.com", invitationPending: true });
    const grace = await db.user.findUniqueOrThrow({ where: { email: "grace@example.com" } });
    expect(await db.membership.count({ where: { userId: grace.id } })).toBe(0);
  });

  it("ignores an invitation to another address: the personal workspace is made", async () => {
    const { token: invitationToken } = await invitationTo("someone-else@example.com");
    const signUp = await callerWith();
    await signUp.caller.account.signUp({ ...signUpData, invitationToken });
    const token = await tokenFromOutbox("grace@example.com", "/verify-email");
    const verify = await callerWith();
    await expect(
      verify.caller.account.verifyEmail({ token, password: signUpData.password }),
    ).resolves.toMatchObject({ invitationPending: false });
    const grace = await db.user.findUniqueOrThrow({ where: { email: "grace@example.com" } });
    expect(await db.membership.count({ where: { userId: grace.id } })).toBe(1);
  });

  it("lets the invitee decline: the invitation ends and the workspace's log says so", async () => {
    const { invitation, workspace } = await invitationTo("grace@example.com");
    const grace = await signedInUser("grace@example.com");
    const eve = await signedInUser("eve@example.com");
    const asEve = await callerWith(requestHeaders(eve.token));
    const refused = await errorOf(asEve.caller.invitation.decline({ invitationId: invitation.id }));
    expect(refused.code).toBe("FORBIDDEN");

    const { caller } = await callerWith(requestHeaders(grace.token));
    await expect(caller.invitation.decline({ invitationId: invitation.id })).resolves.toEqual({
      status: "declined",
    });
    expect(await db.invitation.count()).toBe(0);
    await expect(
      db.auditLog.findFirst({ where: { action: "invitation.declined" } }),
    ).resolves.toMatchObject({
      workspaceId: workspace.id,
      actorId: grace.user.id,
      metadata: { email: "grace@example.com", role: "member" },
    });
    expect((await errorOf(caller.invitation.accept({ invitationId: invitation.id }))).code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("sign-in", () => {
  it("gives the same answer for a wrong password and an unknown email", async () => {
    await signedInUser();
    const { caller } = await callerWith();
    const wrong = await errorOf(
      caller.session.signIn({ email: "ada@example.com", password: "nope" }),
    );
    const unknown = await errorOf(
      caller.session.signIn({ email: "who@example.com", password: "nope" }),
    );
    expect([wrong.code, wrong.message]).toEqual(["UNAUTHORIZED", "Incorrect email or password."]);
    expect([unknown.code, unknown.message]).toEqual([wrong.code, wrong.message]);
  });

  it("starts a new session with the right password", async () => {
    const { password } = await signedInUser();
    const { caller, resHeaders } = await callerWith();
    await expect(
      caller.session.signIn({ email: "ADA@example.com", password }),
    ).resolves.toMatchObject({ user: { email: "ada@example.com" } });
    expect(sessionTokenFrom(resHeaders)).toBeTruthy();
    expect(await db.session.count()).toBe(2);
  });

  it("asks an unverified account to verify first and sends a new link", async () => {
    const { caller } = await callerWith();
    await caller.account.signUp(signUpData);
    const error = await errorOf(
      caller.session.signIn({ email: "grace@example.com", password: signUpData.password }),
    );
    expect(error.code).toBe("FORBIDDEN");
    await runQueuedJobs("send-email");
    expect(await db.outboxEmail.count({ where: { to: "grace@example.com" } })).toBe(2);
  });

  it("locks one client out of an address after 10 attempts, and a success clears its count", async () => {
    const { password } = await signedInUser();
    const { caller } = await callerWith(requestHeaders(undefined, "198.51.100.1"));
    const attempt = (pw: string) =>
      caller.session.signIn({ email: "ada@example.com", password: pw });
    for (let i = 0; i < 9; i += 1)
      expect((await errorOf(attempt("wrong"))).code).toBe("UNAUTHORIZED");
    await attempt(password);
    for (let i = 0; i < 10; i += 1)
      expect((await errorOf(attempt("wrong"))).code).toBe("UNAUTHORIZED");
    const limited = await errorOf(attempt(password));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.message).toMatch(/^Too many attempts\. Try again in \d+ minutes?\.$/);
  });

  it("lets the owner sign in from another client while one client is locked out", async () => {
    const { password } = await signedInUser();
    const attacker = await callerWith(requestHeaders(undefined, "198.51.100.1"));
    for (let i = 0; i < 10; i += 1) {
      await errorOf(
        attacker.caller.session.signIn({ email: "ada@example.com", password: "wrong" }),
      );
    }
    const blocked = attacker.caller.session.signIn({ email: "ada@example.com", password });
    expect((await errorOf(blocked)).code).toBe("TOO_MANY_REQUESTS");
    const owner = await callerWith(requestHeaders(undefined, "203.0.113.50"));
    await expect(
      owner.caller.session.signIn({ email: "ada@example.com", password }),
    ).resolves.toMatchObject({ user: { email: "ada@example.com" } });
    expect(sessionTokenFrom(owner.resHeaders)).toBeTruthy();
  });

  it("caps attempts at one address from every client together at 100 an hour", async () => {
    const { password } = await signedInUser();
    for (let client = 0; client < 10; client += 1) {
      const { caller } = await callerWith(requestHeaders(undefined, `198.51.100.${client}`));
      for (let i = 0; i < 10; i += 1) {
        const error = await errorOf(
          caller.session.signIn({ email: "ada@example.com", password: "x" }),
        );
        expect(error.code).toBe("UNAUTHORIZED");
      }
    }
    const { caller } = await callerWith(requestHeaders(undefined, "203.0.113.50"));
    const limited = await errorOf(caller.session.signIn({ email: "ada@example.com", password }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
  }, 60_000);

  it("replaces the session a visitor already had (no fixation)", async () => {
    const { user, password, token } = await signedInUser();
    const { caller, resHeaders } = await callerWith(requestHeaders(token));
    await caller.session.signIn({ email: user.email, password });
    expect(sessionTokenFrom(resHeaders)).not.toBe(token);
    expect(await db.session.findUnique({ where: { id: hashToken(token) } })).toBeNull();
  });

  it("survives a malformed Cookie header", async () => {
    const headers = requestHeaders();
    headers.set("cookie", "theme=%; other=%E0%A4%A");
    const { caller } = await callerWith(headers);
    await expect(caller.account.me()).resolves.toBeNull();
  });

  it("clears a tampered session cookie and treats the visitor as signed out", async () => {
    const { caller, resHeaders } = await callerWith(requestHeaders("forged-token-value"));
    await expect(caller.account.me()).resolves.toBeNull();
    expect(resHeaders.getSetCookie().some((c) => /Max-Age=0/.test(c))).toBe(true);
    expect((await errorOf(caller.session.list())).code).toBe("UNAUTHORIZED");
  });
});

describe("password reset", () => {
  it("sets the new password with a single-use link and ends every session", async () => {
    const { token: oldSession } = await signedInUser();
    const { caller } = await callerWith();
    await expect(
      caller.account.requestPasswordReset({ email: "ada@example.com" }),
    ).resolves.toEqual({ status: "check-email" });
    await expect(
      caller.account.requestPasswordReset({ email: "nobody@example.com" }),
    ).resolves.toEqual({ status: "check-email" });
    await runQueuedJobs("send-email");
    expect(await db.outboxEmail.count({ where: { to: "nobody@example.com" } })).toBe(0);

    const token = await tokenFromOutbox("ada@example.com", "/reset-password");
    await caller.account.resetPassword({ token, password: "a brand new password" });
    expect(await db.session.count()).toBe(0);
    const old = await callerWith(requestHeaders(oldSession));
    await expect(old.caller.account.me()).resolves.toBeNull();

    const reuse = await errorOf(
      caller.account.resetPassword({ token, password: "yet another one" }),
    );
    expect(reuse.code).toBe("BAD_REQUEST");
    expect(reuse.cause).toMatchObject({ field: "token" });
    await expect(
      caller.session.signIn({ email: "ada@example.com", password: "a brand new password" }),
    ).resolves.toBeTruthy();
  });
  it("five reset requests from one client do not stop the owner's reset mail from another", async () => {
    await signedInUser();
    const attacker = await callerWith(requestHeaders(undefined, "198.51.100.1"));
    const request = (caller: typeof attacker.caller) =>
      caller.account.requestPasswordReset({ email: "ada@example.com" });
    for (let i = 0; i < 5; i += 1) await request(attacker.caller);
    expect((await errorOf(request(attacker.caller))).code).toBe("TOO_MANY_REQUESTS");
    const owner = await callerWith(requestHeaders(undefined, "203.0.113.50"));
    await expect(request(owner.caller)).resolves.toEqual({ status: "check-email" });
    const token = await tokenFromOutbox("ada@example.com", "/reset-password");
    await expect(
      owner.caller.account.resetPassword({ token, password: "the owner's new password" }),
    ).resolves.toEqual({ status: "ok" });
  });

  it("caps the mail to one address from every client together at 20 an hour", async () => {
    await signedInUser();
    for (let client = 0; client < 4; client += 1) {
      const { caller } = await callerWith(requestHeaders(undefined, `198.51.100.${client}`));
      for (let i = 0; i < 5; i += 1) {
        await caller.account.requestPasswordReset({ email: "ada@example.com" });
      }
    }
    const { caller } = await callerWith(requestHeaders(undefined, "203.0.113.50"));
    const limited = await errorOf(
      caller.account.requestPasswordReset({ email: "ada@example.com" }),
    );
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
  });
});

describe("signed-in account changes", () => {
  it("changes the password, keeping this session and revoking the others", async () => {
    const { user, password, token } = await signedInUser();
    const other = await callerWith();
    await other.caller.session.signIn({ email: user.email, password });
    const { caller } = await callerWith(requestHeaders(token));

    const wrong = await errorOf(
      caller.account.changePassword({ currentPassword: "nope", newPassword: "new password 1" }),
    );
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(wrong.cause).toMatchObject({ field: "currentPassword" });

    await expect(
      caller.account.changePassword({ currentPassword: password, newPassword: "new password 1" }),
    ).resolves.toEqual({ status: "ok", revokedSessions: 1 });
    await expect(caller.account.me()).resolves.toMatchObject({ id: user.id });
    const revoked = await callerWith(requestHeaders(sessionTokenFrom(other.resHeaders)!));
    await expect(revoked.caller.account.me()).resolves.toBeNull();
  });

  it("voids an email-change link once the password is reset", async () => {
    const { password, token } = await signedInUser();
    const { caller } = await callerWith(requestHeaders(token));
    await caller.account.requestEmailChange({ newEmail: "thief@evil.example", password });
    const link = await tokenFromOutbox("thief@evil.example", "/confirm-email-change");
    await caller.account.requestPasswordReset({ email: "ada@example.com" });
    const reset = await tokenFromOutbox("ada@example.com", "/reset-password");
    await caller.account.resetPassword({ token: reset, password: "owner's new password" });
    expect((await errorOf(caller.account.confirmEmailChange({ token: link }))).code).toBe(
      "BAD_REQUEST",
    );
    expect(await db.user.count({ where: { email: "ada@example.com" } })).toBe(1);
  });

  it("changes the email only once the new address is confirmed, and tells the old one", async () => {
    const { password, token } = await signedInUser();
    const { caller } = await callerWith(requestHeaders(token));
    await caller.account.requestEmailChange({ newEmail: "ada@new.example", password });
    await expect(caller.account.me()).resolves.toMatchObject({ email: "ada@example.com" });

    const link = await tokenFromOutbox("ada@new.example", "/confirm-email-change");
    await expect(caller.account.confirmEmailChange({ token: link })).resolves.toEqual({
      email: "ada@new.example",
    });
    await runQueuedJobs("send-email");
    const notice = await db.outboxEmail.findFirst({ where: { to: "ada@example.com" } });
    expect(notice?.subject).toContain("Security notice");
  });

  it("confirms an email change only for the signed-in account that asked, which it names", async () => {
    const ada = await signedInUser();
    const { caller } = await callerWith(requestHeaders(ada.token));
    await caller.account.requestEmailChange({
      newEmail: "ada@new.example",
      password: ada.password,
    });
    const link = await tokenFromOutbox("ada@new.example", "/confirm-email-change");

    // Whoever reads the new address cannot move it to an account that is not the asker's.
    const eve = await signedInUser("eve@example.com");
    const other = await callerWith(requestHeaders(eve.token));
    const refused = await errorOf(other.caller.account.confirmEmailChange({ token: link }));
    expect([refused.code, refused.message]).toEqual(["FORBIDDEN", OTHER_ACCOUNTS_LINK]);
    expect((await errorOf(other.caller.account.getEmailChange({ token: link }))).code).toBe(
      "FORBIDDEN",
    );
    const anonymous = await callerWith();
    expect((await errorOf(anonymous.caller.account.confirmEmailChange({ token: link }))).code).toBe(
      "UNAUTHORIZED",
    );
    expect(await db.user.count({ where: { email: "ada@new.example" } })).toBe(0);

    await expect(caller.account.getEmailChange({ token: link })).resolves.toEqual({
      name: "Ada",
      email: "ada@example.com",
      newEmail: "ada@new.example",
    });
    await expect(caller.account.confirmEmailChange({ token: link })).resolves.toEqual({
      email: "ada@new.example",
    });
  });

  it("changes the name, trimmed, with an audit entry; an invalid name names the field", async () => {
    const { user, token } = await signedInUser();
    const { caller } = await callerWith(requestHeaders(token));
    await expect(caller.account.updateProfile({ name: "  Ada King  " })).resolves.toEqual({
      name: "Ada King",
    });
    const next = await callerWith(requestHeaders(token));
    await expect(next.caller.account.me()).resolves.toMatchObject({ name: "Ada King" });
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "account.profile_updated" },
    });
    expect(entry).toMatchObject({
      actorId: user.id,
      workspaceId: null,
      targetId: user.id,
      metadata: { from: "Ada", to: "Ada King" },
    });
    // The same name again writes nothing.
    await caller.account.updateProfile({ name: "Ada King" });
    expect(await db.auditLog.count({ where: { action: "account.profile_updated" } })).toBe(1);

    const blank = await errorOf(caller.account.updateProfile({ name: "   " }));
    expect(blank.code).toBe("BAD_REQUEST");
    expect(blank.message).toContain("Name is required.");
    const anonymous = await callerWith();
    expect((await errorOf(anonymous.caller.account.updateProfile({ name: "X" }))).code).toBe(
      "UNAUTHORIZED",
    );
  });

  it("deletes the account with the right password only", async () => {
    const { user, password, token } = await signedInUser();
    const { caller, resHeaders } = await callerWith(requestHeaders(token));
    expect((await errorOf(caller.account.delete({ password: "nope" }))).code).toBe("BAD_REQUEST");
    await expect(caller.account.delete({ password })).resolves.toEqual({ status: "deleted" });
    expect(await db.user.findUnique({ where: { id: user.id } })).toBeNull();
    expect(await db.session.count()).toBe(0);
    expect(resHeaders.getSetCookie().some((c) => /Max-Age=0/.test(c))).toBe(true);
  });
});

describe("sessions of a user", () => {
  it("lists them with device details, revokes one, then all others", async () => {
    const { user, password, token } = await signedInUser();
    for (let i = 0; i < 2; i += 1) {
      const { caller } = await callerWith();
      await caller.session.signIn({ email: user.email, password });
    }
    const { caller } = await callerWith(requestHeaders(token));
    const sessions = await caller.session.list();
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions[0]).toMatchObject({
      browser: "Firefox 128",
      os: "Linux",
      ipAddress: "203.0.113.7",
    });

    const other = sessions.find((s) => !s.current)!;
    await expect(caller.session.revoke({ sessionId: other.id })).resolves.toEqual({
      status: "revoked",
    });
    expect((await errorOf(caller.session.revoke({ sessionId: other.id }))).code).toBe("NOT_FOUND");
    await expect(caller.session.revokeOthers()).resolves.toEqual({ revoked: 1 });
    await expect(caller.session.list()).resolves.toHaveLength(1);
  });

  it("cannot revoke another user's session", async () => {
    const ada = await signedInUser();
    const bob = await signedInUser("bob@example.com");
    const { caller } = await callerWith(requestHeaders(bob.token));
    const error = await errorOf(caller.session.revoke({ sessionId: hashToken(ada.token) }));
    expect(error.code).toBe("NOT_FOUND");
    expect(await db.session.count({ where: { userId: ada.user.id } })).toBe(1);
  });

  it("signs out: the session is gone and the cookie cleared", async () => {
    const { token } = await signedInUser();
    const { caller, resHeaders } = await callerWith(requestHeaders(token));
    await caller.session.signOut();
    expect(await db.session.count()).toBe(0);
    expect(resHeaders.getSetCookie().some((c) => /Max-Age=0/.test(c))).toBe(true);
  });
});
