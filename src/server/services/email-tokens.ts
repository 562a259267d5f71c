/**
 * The emailed links of accounts (sign-up verification, password reset, email change): issued by
 * a request, minted by the `send-email` job as it sends them. Between the two, the EmailToken row
 * has no token hash, so no usable link waits in the job queue (kept 14 days). Tokens are 256
 * random bits stored as SHA-256 only (OWASP Forgot Password Cheat Sheet); checking and using them
 * is accounts.ts's job. Kept apart from accounts.ts so the worker loads none of the request code
 * (cookies, redirects).
 */
import "server-only";
import type { EmailTokenPurpose, Prisma } from "@/generated/prisma/client";
import { generateToken, hashToken } from "@/server/auth/tokens";
import { db } from "@/server/db";
import { appUrl, type Mail } from "@/server/mail/mailer";

const HOUR_MS = 3_600_000;

/** Per purpose: how long a link works (ms), the page it opens and its email template. */
const LINKS = {
  EMAIL_VERIFICATION: { ttlMs: 24 * HOUR_MS, path: "/verify-email", template: "verifyEmail" },
  PASSWORD_RESET: { ttlMs: HOUR_MS, path: "/reset-password", template: "resetPassword" },
  EMAIL_CHANGE: {
    ttlMs: 24 * HOUR_MS,
    path: "/confirm-email-change",
    template: "confirmEmailChange",
  },
} as const satisfies Record<
  EmailTokenPurpose,
  { ttlMs: number; path: string; template: "verifyEmail" | "resetPassword" | "confirmEmailChange" }
>;

/** What a sign-up link is bound to (EMAIL_VERIFICATION only; see the EmailToken model). */
export interface SignUpBinding {
  /** argon2id hash of the password chosen at that sign-up. */
  passwordHash: string;
  /** SHA-256 of the sign-up browser's nonce (src/server/auth/sign-up-binding.ts). */
  browserBindingHash?: string | null;
  /** The pending invitation the sign-up came from. */
  invitationId?: string | null;
}

/**
 * Issues a link of `purpose` for `userId`, sent to `email`, and returns its id for `sendLink`;
 * its token is minted when it is sent ({@link emailTokenMail}). Earlier unused tokens of that
 * purpose are voided, except sign-up links: each is bound to its own sign-up (`binding`).
 */
export async function issueEmailToken(
  tx: Prisma.TransactionClient,
  userId: string,
  purpose: EmailTokenPurpose,
  email: string,
  binding?: SignUpBinding,
): Promise<string> {
  if (purpose !== "EMAIL_VERIFICATION") {
    await tx.emailToken.deleteMany({ where: { userId, purpose, usedAt: null } });
  }
  const row = await tx.emailToken.create({
    data: {
      purpose,
      userId,
      email,
      passwordHash: binding?.passwordHash,
      browserBindingHash: binding?.browserBindingHash ?? null,
      invitationId: binding?.invitationId ?? null,
      expiresAt: new Date(Date.now() + LINKS[purpose].ttlMs),
    },
  });
  return row.id;
}

/**
 * The email of link `emailTokenId`, with its token minted now (the `send-email` job calls it as
 * it sends): a new random token whose SHA-256 replaces the stored one, so a retried send voids
 * the link of the attempt that failed. Null, to send nothing, when the link was used, expired or
 * voided meanwhile.
 */
export async function emailTokenMail(emailTokenId: string): Promise<Mail | null> {
  const token = generateToken();
  const { count } = await db.emailToken.updateMany({
    where: { id: emailTokenId, usedAt: null, expiresAt: { gt: new Date() } },
    data: { tokenHash: hashToken(token) },
  });
  if (count !== 1) return null;
  const row = await db.emailToken.findUnique({
    where: { id: emailTokenId },
    include: { user: { select: { name: true } } },
  });
  if (!row) return null;
  const link = LINKS[row.purpose];
  const url = appUrl(link.path, { token });
  return {
    to: row.email,
    message: { template: link.template, props: { name: row.user.name, url } },
  };
}
