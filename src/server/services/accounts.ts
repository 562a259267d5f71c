/**
 * Accounts: sign-up with email verification, sign-in, password reset and change, email change,
 * deletion. Rules:
 * - responses never reveal whether an email has an account (sign-up, reset request and email
 *   change answer "check your email" whatever happens; sign-in failures share one message and
 *   spend the same hashing time);
 * - emailed tokens are single-use, expire (verification and email change 24 h, reset 1 h) and are
 *   stored hashed (OWASP Forgot Password Cheat Sheet);
 * - a password change or reset revokes the user's other sessions (OWASP ASVS 3.3.3);
 * - each change is one transaction: nothing is half written.
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
} from "@/schemas/account";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/server/auth/password";
import { consume, ensureNotLimited, reset } from "@/server/auth/rate-limit";
import type { RequestMeta } from "@/server/auth/request-meta";
import { createSession } from "@/server/auth/session";
import { generateToken, hashToken } from "@/server/auth/tokens";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { appUrl, sendEmail } from "@/server/mail/mailer";
import { templates } from "@/server/mail/templates";

const HOUR_MS = 3_600_000;
const TOKEN_TTL_MS: Record<EmailTokenPurpose, number> = {
  EMAIL_VERIFICATION: 24 * HOUR_MS,
  PASSWORD_RESET: HOUR_MS,
  EMAIL_CHANGE: 24 * HOUR_MS,
};

/** What every "we emailed you" answer looks like, whether or not an email was sent. */
export const CHECK_EMAIL = { status: "check-email" } as const;

const INVALID_LINK = "This link is invalid or has expired. Request a new one.";

type Tx = Prisma.TransactionClient;

/** The public view of a user. */
export interface AccountUser {
  id: string;
  name: string;
  email: string;
}

/** Replaces the user's unused tokens of `purpose` with a new one; returns the token. */
async function issueToken(tx: Tx, userId: string, purpose: EmailTokenPurpose, email: string) {
  await tx.emailToken.deleteMany({ where: { userId, purpose, usedAt: null } });
  const token = generateToken();
  await tx.emailToken.create({
    data: {
      tokenHash: hashToken(token),
      purpose,
      userId,
      email,
      expiresAt: new Date(Date.now() + TOKEN_TTL_MS[purpose]),
    },
  });
  return token;
}

/**
 * Marks a token used and returns it with its user.
 * @throws DomainError BAD_REQUEST (field "token") when unknown, of another purpose, used or expired.
 */
async function useToken(tx: Tx, token: string, purpose: EmailTokenPurpose) {
  const row = await tx.emailToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: true },
  });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt.getTime() <= Date.now()) {
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

/** @throws DomainError BAD_REQUEST on `field` when `password` is not the user's. */
async function checkPassword(userId: string, password: string, field: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new DomainError("BAD_REQUEST", "Password is incorrect.", field);
  }
  return user;
}

/** Sends a fresh verification link to an unverified user (rate-limited per address). */
async function sendVerification(user: { id: string; name: string; email: string }) {
  await consume("emailByAddress", user.email);
  const token = await db.$transaction((tx) =>
    issueToken(tx, user.id, "EMAIL_VERIFICATION", user.email),
  );
  await sendEmail(user.email, templates.verifyEmail(user.name, appUrl("/verify-email", { token })));
}

/**
 * Creates an account and emails a verification link; no session until the email is verified.
 * An existing verified address gets an "you already have an account" email instead; an existing
 * unverified one takes the new name and password (the latest sign-up wins) and a new link.
 * @throws RateLimitError (TOO_MANY_REQUESTS) per IP and per address.
 */
export async function signUp(input: z.output<typeof signUpInput>, meta: RequestMeta) {
  await consume("signUpByIp", meta.ipAddress);
  await consume("emailByIp", meta.ipAddress);
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email: input.email } });
  if (existing?.emailVerifiedAt) {
    await consume("emailByAddress", input.email);
    await sendEmail(
      input.email,
      templates.accountExists(existing.name, appUrl("/sign-in"), appUrl("/forgot-password")),
    );
    return CHECK_EMAIL;
  }
  const user = await db.user.upsert({
    where: { email: input.email },
    create: { email: input.email, name: input.name, passwordHash },
    update: { name: input.name, passwordHash },
  });
  await sendVerification(user);
  return CHECK_EMAIL;
}

/** Sends a new verification link when the address has an unverified account; else nothing. */
export async function resendVerification(email: string, meta: RequestMeta) {
  await consume("emailByIp", meta.ipAddress);
  const user = await db.user.findUnique({ where: { email } });
  if (user && !user.emailVerifiedAt) await sendVerification(user);
  return CHECK_EMAIL;
}

/**
 * Confirms the address of a sign-up and signs the user in.
 * @throws DomainError BAD_REQUEST for an invalid, used or expired link.
 */
export async function verifyEmail(token: string, meta: RequestMeta) {
  await consume("tokenByIp", meta.ipAddress);
  const user = await db.$transaction(async (tx) => {
    const row = await useToken(tx, token, "EMAIL_VERIFICATION");
    if (row.email !== row.user.email) throw new DomainError("BAD_REQUEST", INVALID_LINK, "token");
    return tx.user.update({ where: { id: row.userId }, data: { emailVerifiedAt: new Date() } });
  });
  const session = await createSession(user.id, meta);
  return { session, user: { id: user.id, name: user.name, email: user.email } };
}

/**
 * Checks email and password and starts a session.
 * @throws DomainError UNAUTHORIZED "Incorrect email or password." for an unknown email or a
 *   wrong password alike; FORBIDDEN for an unverified account (a new link is sent);
 *   RateLimitError per IP and per address.
 */
export async function signIn(input: z.output<typeof signInInput>, meta: RequestMeta) {
  await consume("signInByIp", meta.ipAddress);
  await ensureNotLimited("signInFailuresByEmail", input.email);
  const user = await db.user.findUnique({ where: { email: input.email } });
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!user || !valid) {
    await consume("signInFailuresByEmail", input.email);
    throw new DomainError("UNAUTHORIZED", "Incorrect email or password.");
  }
  await reset("signInFailuresByEmail", input.email);
  if (!user.emailVerifiedAt) {
    await sendVerification(user).catch(() => {}); // rate-limited resends still get the message
    throw new DomainError("FORBIDDEN", "Verify your email first: we sent you a new link.");
  }
  const session = await createSession(user.id, meta);
  return { session, user: { id: user.id, name: user.name, email: user.email } };
}

/** Emails a reset link (1 hour, single use) when the address has an account. */
export async function requestPasswordReset(email: string, meta: RequestMeta) {
  await consume("emailByIp", meta.ipAddress);
  await consume("emailByAddress", email);
  const user = await db.user.findUnique({ where: { email } });
  if (user) {
    const token = await db.$transaction((tx) => issueToken(tx, user.id, "PASSWORD_RESET", email));
    await sendEmail(
      email,
      templates.resetPassword(user.name, appUrl("/reset-password", { token })),
    );
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
  const passwordHash = await hashPassword(input.password);
  const user = await db.$transaction(async (tx) => {
    const row = await useToken(tx, input.token, "PASSWORD_RESET");
    await tx.session.deleteMany({ where: { userId: row.userId } });
    await tx.emailToken.deleteMany({ where: { userId: row.userId, purpose: "PASSWORD_RESET" } });
    return tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, emailVerifiedAt: row.user.emailVerifiedAt ?? new Date() },
    });
  });
  await sendEmail(user.email, templates.securityNotice(user.name, "Your password was reset"));
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
    const { count } = await tx.session.deleteMany({
      where: { userId: user.id, id: { not: actor.sessionId } },
    });
    return count;
  });
  await sendEmail(user.email, templates.securityNotice(user.name, "Your password was changed"));
  return { status: "ok", revokedSessions: revoked } as const;
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
  await consume("emailByIp", meta.ipAddress);
  await consume("emailByAddress", input.newEmail);
  const taken = await db.user.findUnique({ where: { email: input.newEmail } });
  if (taken) {
    await sendEmail(
      input.newEmail,
      templates.securityNotice(taken.name, "Someone tried to move another account to this address"),
    );
    return CHECK_EMAIL;
  }
  const token = await db.$transaction((tx) =>
    issueToken(tx, user.id, "EMAIL_CHANGE", input.newEmail),
  );
  await sendEmail(
    input.newEmail,
    templates.confirmEmailChange(user.name, appUrl("/confirm-email-change", { token })),
  );
  return CHECK_EMAIL;
}

/**
 * Makes the address of an email-change link the account's email; the old address is notified.
 * @throws DomainError BAD_REQUEST for a bad link; CONFLICT when the address was taken meanwhile.
 */
export async function confirmEmailChange(token: string, meta: RequestMeta) {
  await consume("tokenByIp", meta.ipAddress);
  const { previous, user } = await db.$transaction(async (tx) => {
    const row = await useToken(tx, token, "EMAIL_CHANGE");
    if (await tx.user.findUnique({ where: { email: row.email } })) {
      throw new DomainError("CONFLICT", "This email address is already used by another account.");
    }
    const updated = await tx.user.update({
      where: { id: row.userId },
      data: { email: row.email, emailVerifiedAt: new Date() },
    });
    return { previous: row.user.email, user: updated };
  });
  await sendEmail(
    previous,
    templates.securityNotice(user.name, `Your email was changed to ${user.email}`),
  );
  return { email: user.email };
}

/**
 * Deletes the account, its sessions and tokens (cascade).
 * @throws DomainError BAD_REQUEST on "password" when it is wrong.
 */
export async function deleteAccount(actor: { userId: string }, password: string) {
  const user = await checkPassword(actor.userId, password, "password");
  await db.user.delete({ where: { id: user.id } });
  return { status: "deleted" } as const;
}
