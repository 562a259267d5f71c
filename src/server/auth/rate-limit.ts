/**
 * Rate limits for sign-in, sign-up, emailed links and token checks, per IP and per account,
 * stored in PostgreSQL (rate-limiter-flexible's Prisma store) so every app instance shares them.
 * Limits follow OWASP ASVS 2.2.1 (anti-automation) with room for honest typos.
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
  /** Sign-in attempts for one email: 10 per 15 minutes (cleared by a success). */
  signInByEmail: limiter("sign-in:email", 10, 15 * 60),
  /** Password re-checks of a signed-in user (change password or email, delete): 10 per 15 minutes. */
  passwordCheckByUser: limiter("password-check:user", 10, 15 * 60),
  /** Accounts created from one IP: 10 per hour. */
  signUpByIp: limiter("sign-up:ip", 10, 60 * 60),
  /** Emails (verification, reset, email change) to one address: 5 per hour. */
  emailByAddress: limiter("email:address", 5, 60 * 60),
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

/** Forgets `key`'s attempts against `name` (e.g. after a successful sign-in). */
export async function reset(name: LimitName, key: string): Promise<void> {
  await limits[name].delete(key);
}
