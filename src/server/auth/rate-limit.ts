/**
 * Rate limits for sign-in, sign-up, emailed links and token checks, stored in PostgreSQL
 * (rate-limiter-flexible's Prisma store) so every app instance shares them. Limits follow OWASP
 * ASVS 2.2.1 (anti-automation) with room for honest typos.
 *
 * No lockout by a stranger (OWASP Authentication Cheat Sheet, "Account Lockout"; the pattern of
 * rate-limiter-flexible's wiki, "Brute-force protection"): attempts at one account are counted per
 * account and client (the IP the server trusts: src/server/http/client-address.ts), so wrong
 * passwords or reset requests from one client never stop the owner on another. A per-account
 * ceiling, several clients' worth, still caps guessing and mail spread over many addresses. The
 * windows are fixed, not growing: one client gets 10 guesses per account per 15 minutes, each
 * costing an argon2id hash, and all clients together 100 an hour.
 */
import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

/** A named limit: `points` attempts per `duration` seconds. */
function limiter(keyPrefix: string, points: number, duration: number) {
  return new RateLimiterPrisma({
    storeClient: db,
    tableName: "rateLimiterFlexible", // the Prisma delegate of model RateLimiterFlexible
    keyPrefix,
    points,
    duration,
  });
}

export const limits = {
  /** Every sign-in attempt from one IP: 30 per 15 minutes. */
  signInByIp: limiter("sign-in:ip", 30, 15 * 60),
  /** Sign-in attempts at one email from one IP: 10 per 15 minutes (cleared by a success). */
  signInByEmailAndIp: limiter("sign-in:email+ip", 10, 15 * 60),
  /** Sign-in attempts at one email from every IP: the ceiling, 100 per hour. */
  signInByEmail: limiter("sign-in:email", 100, 60 * 60),
  /** Password re-checks of a signed-in user (change password or email, delete): 10 per 15 minutes. */
  passwordCheckByUser: limiter("password-check:user", 10, 15 * 60),
  /** Accounts created from one IP: 10 per hour. */
  signUpByIp: limiter("sign-up:ip", 10, 60 * 60),
  /**
   * Emails (verification, reset, email change, invitation) to one address asked by one requester
   * (an IP, or the inviting user): 5 per hour.
   */
  emailByAddressAndRequester: limiter("email:address+requester", 5, 60 * 60),
  /** Emails to one address, every requester together: the ceiling against mail bombing, 20 an hour. */
  emailByAddress: limiter("email:address", 20, 60 * 60),
  /** Emails requested from one IP: 20 per hour. */
  emailByIp: limiter("email:ip", 20, 60 * 60),
  /** Token checks (verify, reset, confirm) from one IP: 30 per 15 minutes. */
  tokenByIp: limiter("token:ip", 30, 15 * 60),
} as const;

export type LimitName = keyof typeof limits;

/** A rate limit was hit; `retryAfterSeconds` goes into the `Retry-After` header. */
export class RateLimitError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      "TOO_MANY_REQUESTS",
      `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    );
  }
}

/**
 * Counts one attempt against `name` for `key` (an IP, an email or a user id). Requests whose IP
 * is unknown share one key rather than escaping the limit.
 * @throws RateLimitError when the limit is exceeded.
 */
export async function consume(name: LimitName, key: string | null): Promise<void> {
  try {
    await limits[name].consume(key ?? "unknown");
  } catch (error) {
    if (error instanceof RateLimitError) throw error;
    if (error instanceof RateLimiterRes)
      throw new RateLimitError(Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}

/** Forgets `key`'s attempts against `name`. */
async function reset(name: LimitName, key: string): Promise<void> {
  await limits[name].delete(key);
}

/** The key of a limit counted per email and client IP together ("unknown" IPs share one). */
function emailAndIp(email: string, ipAddress: string | null): string {
  return `${email} ${ipAddress ?? "unknown"}`;
}

/**
 * Counts a sign-in attempt at `email` from `ipAddress`, before the password is checked (so
 * parallel guesses cannot slip past): per IP, per email and IP, then the email's ceiling.
 * @throws RateLimitError when one of them is exceeded.
 */
export async function limitSignIn(email: string, ipAddress: string | null): Promise<void> {
  await consume("signInByIp", ipAddress);
  await consume("signInByEmailAndIp", emailAndIp(email, ipAddress));
  await consume("signInByEmail", email);
}

/** After a successful sign-in: forgets this client's attempts at `email` (the ceiling keeps its). */
export async function clearSignInAttempts(email: string, ipAddress: string | null): Promise<void> {
  await reset("signInByEmailAndIp", emailAndIp(email, ipAddress));
}

/**
 * Counts an email to `address` asked from `ipAddress` (verification, reset, email change): per
 * IP, then {@link limitEmailTo}.
 * @throws RateLimitError when one of them is exceeded.
 */
export async function limitEmail(address: string, ipAddress: string | null): Promise<void> {
  await consume("emailByIp", ipAddress);
  await limitEmailTo(address, ipAddress ?? "unknown");
}

/**
 * Counts an invitation email to `address` sent by the user `inviterId`: {@link limitEmailTo}.
 * @throws RateLimitError when a limit is exceeded.
 */
export async function limitInvitationEmail(address: string, inviterId: string): Promise<void> {
  await limitEmailTo(address, `user:${inviterId}`);
}

/** Counts an email to `address` per address and requester, then against the address's ceiling. */
async function limitEmailTo(address: string, requester: string): Promise<void> {
  await consume("emailByAddressAndRequester", `${address} ${requester}`);
  await consume("emailByAddress", address);
}
