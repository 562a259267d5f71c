/**
 * Accounts: sign-up with email verification, sign-in, password reset and change, email change,
 * deletion. Rules:
 * - responses never reveal whether an email has an account (sign-up, reset request and email
 *   change answer "check your email" whatever happens; sign-in failures share one message and
 *   spend the same hashing time);
 * - emailed tokens are single-use, expire (verification and email change 24 h, reset 1 h) and are
 *   stored hashed (OWASP Forgot Password Cheat Sheet); a request records the link and the
 *   `send-email` job mints its token as it sends it (email-tokens.ts), so no usable token
 *   waits in the job queue;
 * - an email change is confirmed by the account that asked for it, signed in: its link alone
 *   cannot move the address to another account;
 * - a password change or reset revokes the user's other sessions (OWASP ASVS 3.3.3), and it,
 *   like an email change, voids every emailed link still unused;
 * - a sign-up link is confirmed with the password chosen at that sign-up, which the account then
 *   takes: a second sign-up with someone else's address cannot plant its password. In the browser
 *   that signed up, the link alone confirms it (an HttpOnly cookie's nonce, hash-bound to the
 *   link: src/server/auth/sign-up-binding.ts explains why this keeps that property);
 * - a sign-up from an invitation link gets no personal workspace: the user joins the invitation's;
 * - each change is one transaction: nothing is half written. Mail goes out after the commit and
 *   a failure to send never undoes it (mailer.ts).
 */
import "server-only";
import type { z } from "zod";
import type { EmailTokenPurpose, Prisma } from "@/generated/prisma/client";
import type {
  changePasswordInput,
  requestEmailChangeInput,
  resetPasswordInput,
  signInInput,
  signUpInput,
  updateProfileInput,
  verifyEmailInput,
} from "@/schemas/account";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/server/auth/password";
import { clearSignInAttempts, consume, limitEmail, limitSignIn } from "@/server/auth/rate-limit";
import type { RequestMeta } from "@/server/auth/request-meta";
import { createSession } from "@/server/auth/session";
import { hashToken } from "@/server/auth/tokens";
import { db } from "@/server/db";
import { enqueue } from "@/server/jobs/queue";
import { DomainError } from "@/server/errors";
import { isUniqueViolation } from "@/server/db-errors";
import { appUrl, sendEmail, sendLink } from "@/server/mail/mailer";
import type { EmailMessage } from "@/server/mail/templates";
import { recordAudit } from "@/server/audit/log";
import { cancelBilling } from "@/server/billing/cancel";
import { issueEmailToken, type SignUpBinding } from "@/server/services/email-tokens";
import { ensurePersonalWorkspace } from "@/server/services/workspaces";
import { lockWorkspacesOfMember } from "@/server/workspace-locks";

/**
 * The security notice to `name` that `event` (product text, e.g. "Your password was changed")
 * happened now; `userText` holds what a user typed, such as a new address.
 */
function securityNotice(
  name: string,
  event: string,
  userText: [label: string, value: string][] = [],
): EmailMessage {
  return {
    template: "securityNotice",
    props: { name, event, at: new Date().toISOString(), userText },
  };
}

/** What every "we emailed you" answer looks like, whether or not an email was sent. */
export const CHECK_EMAIL = { status: "check-email" } as const;

const INVALID_LINK = "This link is invalid or has expired. Request a new one.";

/** Shown to a signed-in account holding another account's email-change link. */
export const OTHER_ACCOUNTS_LINK =
  "This link changes the email of another account, not the one you are signed in to. Sign in to the account that asked for the change, or ignore the link if you did not ask for it.";

type Tx = Prisma.TransactionClient;

/** The public view of a user. */
export interface AccountUser {
  id: string;
  name: string;
  email: string;
}

/** Voids every unused emailed link of the user (after a password or email change). */
function voidTokens(tx: Tx, userId: string) {
  return tx.emailToken.deleteMany({ where: { userId, usedAt: null } });
}

/**
 * The unused, unexpired token of `purpose`, without using it (a cheap check before hashing).
 * @throws DomainError BAD_REQUEST (field "token") otherwise.
 */
async function findToken(token: string, purpose: EmailTokenPurpose) {
  const row = await db.emailToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: true },
  });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt.getTime() <= Date.now()) {
    throw new DomainError("BAD_REQUEST", INVALID_LINK, "token");
  }
  return row;
}

/**
 * Marks a token used and returns it with its user.
 * @throws DomainError BAD_REQUEST (field "token") when unknown, of another purpose, used,
 *   expired, or sent to an address the account no longer has.
 */
async function useToken(tx: Tx, token: string, purpose: EmailTokenPurpose) {
  const row = await tx.emailToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: true },
  });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt.getTime() <= Date.now()) {
    throw new DomainError("BAD_REQUEST", INVALID_LINK, "token");
  }
  if (purpose !== "EMAIL_CHANGE" && row.email !== row.user.email) {
    throw new DomainError("BAD_REQUEST", INVALID_LINK, "token");
  }
  // Conditional update: of two concurrent uses, only one wins.
  const { count } = await tx.emailToken.updateMany({
    where: { id: row.id, usedAt: null },
    data: { usedAt: new Date() },
  });
  if (count !== 1) throw new DomainError("BAD_REQUEST", INVALID_LINK, "token");
  return row;
}

/**
 * Re-checks a signed-in user's password (rate-limited per user: a stolen cookie does not allow
 * unlimited guesses).
 * @throws DomainError BAD_REQUEST on `field` when wrong; UNAUTHORIZED when the account is gone.
 */
async function checkPassword(userId: string, password: string, field: string) {
  await consume("passwordCheckByUser", userId);
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new DomainError("UNAUTHORIZED", "Sign in to continue.");
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new DomainError("BAD_REQUEST", "Password is incorrect.", field);
  }
  return user;
}

/** Emails a sign-up link bound to `binding` (the caller has counted the rate limits). */
async function sendVerification(user: { id: string; email: string }, binding: SignUpBinding) {
  const emailTokenId = await db.$transaction((tx) =>
    issueEmailToken(tx, user.id, "EMAIL_VERIFICATION", user.email, binding),
  );
  await sendLink({ kind: "emailToken", emailTokenId });
}

/** The id of the pending, unexpired invitation of link `token` to `email`, else null. */
async function invitationIdFor(token: string | undefined, email: string, client: Tx = db) {
  if (!token) return null;
  const invitation = await client.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, email: true, expiresAt: true },
  });
  const pending = invitation && invitation.expiresAt.getTime() > Date.now();
  return pending && invitation.email === email ? invitation.id : null;
}

/** True when invitation `id` to `email` is still pending (not accepted, declined or expired). */
async function isPendingInvitation(tx: Tx, id: string | null, email: string) {
  if (!id) return false;
  const invitation = await tx.invitation.findUnique({ where: { id } });
  return Boolean(invitation && invitation.email === email && invitation.expiresAt > new Date());
}

/**
 * Creates an account and emails a verification link; no session until the email is verified.
 * An address that already has a verified account gets a "you already have an account" email;
 * one with an unverified account gets a new link bound to this sign-up's password (the account
 * changes only when that link is confirmed with that password). The link is also bound to the
 * signing-up browser (`browserBindingHash`) and, when `input.invitationToken` is a pending
 * invitation to this address, to that invitation (an unknown one is ignored: nothing revealed).
 * @throws RateLimitError (TOO_MANY_REQUESTS) per IP, per address and IP, and per address.
 */
export async function signUp(
  input: z.output<typeof signUpInput>,
  meta: RequestMeta,
  browserBindingHash: string | null = null,
) {
  await consume("signUpByIp", meta.ipAddress);
  await limitEmail(input.email, meta.ipAddress);
  const passwordHash = await hashPassword(input.password);
  let user = await db.user.findUnique({ where: { email: input.email } });
  if (!user) {
    try {
      user = await db.user.create({ data: { email: input.email, name: input.name, passwordHash } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      user = await db.user.findUniqueOrThrow({ where: { email: input.email } });
    }
  }
  if (user.emailVerifiedAt) {
    await sendEmail(input.email, {
      template: "accountExists",
      props: {
        name: user.name,
        signInUrl: appUrl("/sign-in"),
        resetUrl: appUrl("/forgot-password"),
      },
    });
  } else {
    const invitationId = await invitationIdFor(input.invitationToken, input.email);
    await sendVerification(user, { passwordHash, browserBindingHash, invitationId });
  }
  return CHECK_EMAIL;
}

/**
 * Sends a new verification link when the address has an unverified account; else nothing. The
 * link is bound to the account's current password and to the asking browser.
 */
export async function resendVerification(
  email: string,
  meta: RequestMeta,
  browserBindingHash: string | null = null,
) {
  await limitEmail(email, meta.ipAddress);
  const user = await db.user.findUnique({ where: { email } });
  if (user && !user.emailVerifiedAt) {
    await sendVerification(user, { passwordHash: user.passwordHash, browserBindingHash });
  }
  return CHECK_EMAIL;
}

/**
 * What a sign-up link's page should show: `{ status: "pending", sameBrowser }` for a usable link
 * (`sameBrowser`: opened in the browser that signed up, so no password is asked), or
 * `{ status: "used", sameBrowser: false }` once it (or another link) confirmed the address.
 * @throws DomainError BAD_REQUEST on "token" for an unknown, voided or expired link.
 */
export async function getVerification(
  token: string,
  meta: RequestMeta,
  browserHash: string | null,
) {
  await consume("tokenByIp", meta.ipAddress);
  const row = await db.emailToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { email: true, emailVerifiedAt: true } } },
  });
  if (!row || row.purpose !== "EMAIL_VERIFICATION") {
    throw new DomainError("BAD_REQUEST", INVALID_LINK, "token");
  }
  if (row.usedAt || (row.user.emailVerifiedAt && row.user.email === row.email)) {
    return { status: "used", sameBrowser: false } as const;
  }
  if (row.expiresAt.getTime() <= Date.now() || row.email !== row.user.email) {
    throw new DomainError("BAD_REQUEST", INVALID_LINK, "token");
  }
  const sameBrowser = browserHash !== null && row.browserBindingHash === browserHash;
  return { status: "pending", sameBrowser } as const;
}

/**
 * Confirms the address of a sign-up and signs the user in: with the password chosen at that
 * sign-up, or without it from the browser that signed up (`browserHash`, the SHA-256 of its
 * binding cookie's nonce, equals the link's). The account takes that sign-up's password; the
 * other sign-up links are voided. The personal workspace is made unless the sign-up came from an
 * invitation that is still pending (the user is about to join that workspace instead).
 * @returns the session, the user, and `invitationPending`.
 * @throws DomainError BAD_REQUEST on "token" for a bad link, on "password" for a missing or wrong
 *   password.
 */
export async function verifyEmail(
  input: z.output<typeof verifyEmailInput>,
  meta: RequestMeta,
  browserHash: string | null = null,
) {
  await consume("tokenByIp", meta.ipAddress);
  const pending = await findToken(input.token, "EMAIL_VERIFICATION");
  const expected = pending.passwordHash ?? pending.user.passwordHash;
  const sameBrowser = browserHash !== null && pending.browserBindingHash === browserHash;
  if (!sameBrowser) {
    if (input.password === undefined) {
      throw new DomainError(
        "BAD_REQUEST",
        "Enter the password you chose when signing up.",
        "password",
      );
    }
    if (!(await verifyPassword(expected, input.password))) {
      throw new DomainError(
        "BAD_REQUEST",
        "This is not the password you chose when signing up.",
        "password",
      );
    }
  }
  const user = await db.$transaction(async (tx) => {
    await useToken(tx, input.token, "EMAIL_VERIFICATION");
    await voidTokens(tx, pending.userId);
    const verified = await tx.user.update({
      where: { id: pending.userId },
      data: { emailVerifiedAt: new Date(), passwordHash: expected },
    });
    const invited = await isPendingInvitation(tx, pending.invitationId, verified.email);
    if (!invited) await ensurePersonalWorkspace(tx, verified);
    return { ...verified, invited };
  });
  const session = await createSession(user.id, meta);
  return {
    session,
    user: { id: user.id, name: user.name, email: user.email },
    invitationPending: user.invited,
  };
}

/**
 * Checks email and password and starts a session.
 * @throws DomainError UNAUTHORIZED "Incorrect email or password." for an unknown email or a
 *   wrong password alike; FORBIDDEN for an unverified account (a new link is sent);
 *   RateLimitError per IP, per address and IP (10 attempts per 15 minutes, cleared by a
 *   success) and per address (100 an hour): src/server/auth/rate-limit.ts.
 */
export async function signIn(input: z.output<typeof signInInput>, meta: RequestMeta) {
  await limitSignIn(input.email, meta.ipAddress);
  const user = await db.user.findUnique({ where: { email: input.email } });
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!user || !valid) throw new DomainError("UNAUTHORIZED", "Incorrect email or password.");
  await clearSignInAttempts(input.email, meta.ipAddress);
  if (!user.emailVerifiedAt) {
    // A rate-limited resend still gets the same answer.
    await limitEmail(user.email, meta.ipAddress)
      .then(() => sendVerification(user, { passwordHash: user.passwordHash }))
      .catch(() => {});
    throw new DomainError("FORBIDDEN", "Verify your email first: we sent you a new link.");
  }
  const session = await createSession(user.id, meta);
  return { session, user: { id: user.id, name: user.name, email: user.email } };
}

/** Emails a reset link (1 hour, single use) when the address has an account. */
export async function requestPasswordReset(email: string, meta: RequestMeta) {
  await limitEmail(email, meta.ipAddress);
  const user = await db.user.findUnique({ where: { email } });
  if (user) {
    const emailTokenId = await db.$transaction((tx) =>
      issueEmailToken(tx, user.id, "PASSWORD_RESET", email),
    );
    await sendLink({ kind: "emailToken", emailTokenId });
  }
  return CHECK_EMAIL;
}

/**
 * Sets a new password from a reset link and signs out every session of the user. The link also
 * proves the address, so an unverified account becomes verified.
 * @throws DomainError BAD_REQUEST for an invalid, used or expired link.
 */
export async function resetPassword(input: z.output<typeof resetPasswordInput>, meta: RequestMeta) {
  await consume("tokenByIp", meta.ipAddress);
  await findToken(input.token, "PASSWORD_RESET");
  const passwordHash = await hashPassword(input.password);
  const user = await db.$transaction(async (tx) => {
    const row = await useToken(tx, input.token, "PASSWORD_RESET");
    await tx.session.deleteMany({ where: { userId: row.userId } });
    await voidTokens(tx, row.userId);
    return tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, emailVerifiedAt: row.user.emailVerifiedAt ?? new Date() },
    });
  });
  await sendEmail(user.email, securityNotice(user.name, "Your password was reset"));
  return { status: "ok" } as const;
}

/**
 * Changes the password of a signed-in user and revokes their other sessions.
 * @throws DomainError BAD_REQUEST on "currentPassword" when it is wrong.
 */
export async function changePassword(
  actor: { userId: string; sessionId: string },
  input: z.output<typeof changePasswordInput>,
) {
  const user = await checkPassword(actor.userId, input.currentPassword, "currentPassword");
  const passwordHash = await hashPassword(input.newPassword);
  const revoked = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await voidTokens(tx, user.id);
    const { count } = await tx.session.deleteMany({
      where: { userId: user.id, id: { not: actor.sessionId } },
    });
    return count;
  });
  await sendEmail(user.email, securityNotice(user.name, "Your password was changed"));
  return { status: "ok", revokedSessions: revoked } as const;
}

/**
 * Changes the signed-in user's name, audited as "account.profile_updated" (no workspace; metadata
 * `{ from, to }`) in the same transaction. An unchanged name writes nothing.
 * @returns `{ name }`, the name now stored.
 * @throws DomainError UNAUTHORIZED when the account is gone.
 */
export async function updateProfile(
  actor: { userId: string },
  input: z.output<typeof updateProfileInput>,
) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: actor.userId }, select: { name: true } });
    if (!user) throw new DomainError("UNAUTHORIZED", "Sign in to continue.");
    if (user.name === input.name) return { name: user.name };
    const updated = await tx.user.update({
      where: { id: actor.userId },
      data: { name: input.name },
      select: { name: true },
    });
    await recordAudit(tx, {
      workspaceId: null,
      actorId: actor.userId,
      action: "account.profile_updated",
      targetType: "user",
      targetId: actor.userId,
      metadata: { from: user.name, to: updated.name },
    });
    return updated;
  });
}

/**
 * Emails a confirmation link to a new address; the email changes when it is confirmed. If the
 * address belongs to another account, that address is told instead (no enumeration).
 * @throws DomainError BAD_REQUEST on "password" (wrong) or "newEmail" (unchanged).
 */
export async function requestEmailChange(
  actor: { userId: string },
  input: z.output<typeof requestEmailChangeInput>,
  meta: RequestMeta,
) {
  const user = await checkPassword(actor.userId, input.password, "password");
  if (input.newEmail === user.email) {
    throw new DomainError("BAD_REQUEST", "This is already your email address.", "newEmail");
  }
  await limitEmail(input.newEmail, meta.ipAddress);
  const taken = await db.user.findUnique({ where: { email: input.newEmail } });
  if (taken) {
    await sendEmail(
      input.newEmail,
      securityNotice(taken.name, "Someone tried to move another account to this address"),
    );
    return CHECK_EMAIL;
  }
  const emailTokenId = await db.$transaction((tx) =>
    issueEmailToken(tx, user.id, "EMAIL_CHANGE", input.newEmail),
  );
  await sendLink({ kind: "emailToken", emailTokenId });
  return CHECK_EMAIL;
}

/** @throws DomainError FORBIDDEN when an email-change link is not `userId`'s own. */
function assertOwnLink(row: { userId: string }, userId: string) {
  if (row.userId !== userId) throw new DomainError("FORBIDDEN", OTHER_ACCOUNTS_LINK);
}

/**
 * What an email-change link would do, for its confirmation page: the signed-in account it changes
 * (`name`, current `email`) and `newEmail`.
 * @throws DomainError BAD_REQUEST on "token" for a bad link; FORBIDDEN when the link is another
 *   account's (which is not named).
 */
export async function getEmailChange(actor: { userId: string }, token: string, meta: RequestMeta) {
  await consume("tokenByIp", meta.ipAddress);
  const row = await findToken(token, "EMAIL_CHANGE");
  assertOwnLink(row, actor.userId);
  return { name: row.user.name, email: row.user.email, newEmail: row.email };
}

/**
 * Makes the address of an email-change link the email of the signed-in account that asked for
 * it; the old address is notified. A link alone is not enough: whoever reads the new address
 * could otherwise be talked into moving it to an account that is not theirs.
 * @throws DomainError BAD_REQUEST for a bad link; FORBIDDEN when the link is another account's
 *   (the link stays usable); CONFLICT when the address was taken meanwhile.
 */
export async function confirmEmailChange(
  actor: { userId: string },
  token: string,
  meta: RequestMeta,
) {
  await consume("tokenByIp", meta.ipAddress);
  const taken = () =>
    new DomainError("CONFLICT", "This email address is already used by another account.");
  assertOwnLink(await findToken(token, "EMAIL_CHANGE"), actor.userId);
  const { previous, user } = await db
    .$transaction(async (tx) => {
      const row = await useToken(tx, token, "EMAIL_CHANGE");
      if (await tx.user.findUnique({ where: { email: row.email } })) throw taken();
      await voidTokens(tx, row.userId);
      const updated = await tx.user.update({
        where: { id: row.userId },
        data: { email: row.email, emailVerifiedAt: new Date() },
      });
      return { previous: row.user.email, user: updated };
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? taken() : error;
    });
  await sendEmail(
    previous,
    securityNotice(user.name, "Your email address was changed", [["New address", user.email]]),
  );
  return { email: user.email };
}

/**
 * Deletes the account, its sessions, tokens and memberships (cascade), and the workspaces it owns
 * alone (their Stripe subscriptions are cancelled first). A workspace it owns with other members
 * must be handed over first. The check is repeated with the user's workspaces locked, so a
 * transfer to the user committing meanwhile cannot have its new owner deleted.
 * @throws DomainError BAD_REQUEST on "password" when it is wrong; CONFLICT when the user owns a
 *   workspace that has other members.
 */
export async function deleteAccount(actor: { userId: string }, password: string) {
  const user = await checkPassword(actor.userId, password, "password");
  /** The workspaces the user owns; throws when one of them has other members. */
  const ownedAlone = async (tx: Prisma.TransactionClient) => {
    const owned = await tx.workspace.findMany({
      where: { memberships: { some: { userId: user.id, role: "owner" } } },
      select: { id: true, name: true, _count: { select: { memberships: true } } },
    });
    const shared = owned.find((w) => w._count.memberships > 1);
    if (shared) {
      throw new DomainError(
        "CONFLICT",
        `Transfer ownership of "${shared.name}" before deleting your account.`,
      );
    }
    return owned;
  };
  // Stop their billing first: Stripe cannot join the transaction.
  await cancelBilling((await ownedAlone(db)).map((w) => w.id));
  const deleted = await db.$transaction(async (tx) => {
    await lockWorkspacesOfMember(tx, user.id);
    const owned = await ownedAlone(tx);
    await tx.workspace.deleteMany({ where: { id: { in: owned.map((w) => w.id) } } });
    // Their avatar's rows (workspace uploads stay with their workspace, uploader unset).
    await tx.upload.deleteMany({ where: { userId: user.id, workspaceId: null } });
    await tx.user.deleteMany({ where: { id: user.id } });
    return owned;
  });
  // Their files and their workspaces' go in the background, retried while storage is unreachable.
  for (const prefix of [`u/${user.id}/`, ...deleted.map((w) => `w/${w.id}/`)]) {
    await enqueue("delete-files", { prefix });
  }
  return { status: "deleted" } as const;
}
