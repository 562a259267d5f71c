import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { Mail } from "@/server/mail/mailer";
import { emailTokenMail } from "@/server/services/email-tokens";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { runQueuedJobs } from "@/test/jobs";
import { callerWith, requestHeaders, signedInUser, tokenFromOutbox } from "@/test/trpc";

cleanDatabaseBeforeEach();

/** The token of the link in a rendered mail. */
function tokenIn(mail: Mail | null): string {
  const url = mail?.message.props && "url" in mail.message.props ? mail.message.props.url : "";
  const token = url.match(/\?token=([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error("no link in this mail");
  return token;
}

describe("send-email: links are minted as they are sent", () => {
  it("stores no token hash until the mail is sent, then one per attempt: only the last works", async () => {
    await signedInUser();
    const { caller } = await callerWith();
    await caller.account.requestPasswordReset({ email: "ada@example.com" });
    const row = await db.emailToken.findFirstOrThrow({ where: { purpose: "PASSWORD_RESET" } });
    expect(row.tokenHash).toBeNull();

    // Two attempts of one job, as when the first delivery failed and the job was retried.
    const failed = tokenIn(await emailTokenMail(row.id));
    const sent = tokenIn(await emailTokenMail(row.id));
    expect(sent).not.toBe(failed);
    const stale = caller.account.resetPassword({ token: failed, password: "a brand new password" });
    await expect(stale).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.account.resetPassword({ token: sent, password: "a brand new password" }),
    ).resolves.toEqual({ status: "ok" });
    // A used link is not minted again.
    await expect(emailTokenMail(row.id)).resolves.toBeNull();
  });

  it("sends only the newest link when a second request replaced the first before it went out", async () => {
    await signedInUser();
    const { caller } = await callerWith();
    await caller.account.requestPasswordReset({ email: "ada@example.com" });
    await caller.account.requestPasswordReset({ email: "ada@example.com" });
    const token = await tokenFromOutbox("ada@example.com", "/reset-password");
    expect(await db.outboxEmail.count({ where: { to: "ada@example.com" } })).toBe(1);
    await expect(
      caller.account.resetPassword({ token, password: "a brand new password" }),
    ).resolves.toEqual({ status: "ok" });
  });

  it("does not send an invitation revoked or expired before its mail went out", async () => {
    const { token } = await signedInUser();
    const { caller } = await callerWith(requestHeaders(token));
    await caller.workspace.create({ name: "Acme", slug: "acme" });
    const revoked = await caller.invitation.create({
      workspaceSlug: "acme",
      email: "carol@example.com",
      role: "member",
    });
    await caller.invitation.revoke({ workspaceSlug: "acme", invitationId: revoked.id });
    const expired = await caller.invitation.create({
      workspaceSlug: "acme",
      email: "dan@example.com",
      role: "member",
    });
    await db.invitation.update({
      where: { id: expired.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await runQueuedJobs("send-email")).toBe(2);
    expect(await db.outboxEmail.count()).toBe(0);
  });
});
