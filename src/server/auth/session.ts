/**
 * Sessions: create, validate (idle + absolute expiry), and read the current one in server
 * components. The cookie holds the token; the database holds only its SHA-256 (adapter.ts).
 */
import "server-only";
import type { Session, User } from "lucia";
import type { Route } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { env } from "@/env";
import { signInPath } from "@/schemas/navigation";
import { lucia } from "@/server/auth/lucia";
import type { RequestMeta } from "@/server/auth/request-meta";
import { hashToken } from "@/server/auth/tokens";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

/** A valid session and its user. `session.id` is the token; `sessionId` its stored hash. */
export interface SessionContext {
  session: Session;
  user: User;
  /** The session's public id: SHA-256 of the token, as stored. */
  sessionId: string;
}

/** `lastSeenAt` is written at most this often per session, in ms (not once per request). */
const LAST_SEEN_PRECISION_MS = 5 * 60_000;

/** What sign-in answers a disabled account: the same as a wrong password (nothing revealed). */
const DISABLED_SIGN_IN = "Incorrect email or password.";

/**
 * Starts a session for `userId`; returns its token (for the cookie).
 * @throws DomainError UNAUTHORIZED "Incorrect email or password." when an admin disabled the
 *   account (`disabledAt`), so every way of signing in refuses it with sign-in's generic answer.
 */
export async function createSession(userId: string, meta: RequestMeta): Promise<Session> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { disabledAt: true } });
  if (user?.disabledAt) throw new DomainError("UNAUTHORIZED", DISABLED_SIGN_IN);
  const now = new Date();
  return lucia.createSession(userId, {
    absoluteExpiresAt: new Date(now.getTime() + env.SESSION_ABSOLUTE_LIFETIME_HOURS * 3_600_000),
    lastSeenAt: now,
    userAgent: meta.userAgent,
    ipAddress: meta.ipAddress,
  });
}

/**
 * The session of `token` and its user, or null when unknown, idle-expired, past its absolute
 * lifetime, or its user has been disabled by an admin (then it is deleted). `session.fresh` is
 * true when its expiry was just extended and the cookie should be set again.
 */
export async function validateSessionToken(token: string): Promise<SessionContext | null> {
  const { session, user } = await lucia.validateSession(token);
  if (!session) return null;
  const now = Date.now();
  const sessionId = hashToken(token);
  if (session.absoluteExpiresAt.getTime() <= now) {
    await lucia.invalidateSession(token);
    return null;
  }
  // Disabling deletes the sessions too; this also refuses one created concurrently with it. The
  // user row comes with the session (one query), so this costs nothing per request.
  if (user.disabledAt) {
    await lucia.invalidateSession(token);
    return null;
  }
  if (now - session.lastSeenAt.getTime() > LAST_SEEN_PRECISION_MS) {
    await db.session.updateMany({ where: { id: sessionId }, data: { lastSeenAt: new Date(now) } });
  }
  return { session, user, sessionId };
}

/** The signed-in user of this request (server components), or null. Validated once per request. */
export const getCurrentSession = cache(async (): Promise<SessionContext | null> => {
  const token = (await cookies()).get(lucia.sessionCookieName)?.value;
  return token ? validateSessionToken(token) : null;
});

/**
 * The signed-in user, or a redirect to sign-in that comes back to `pathname` afterwards. A
 * request that still carries a session cookie (its session expired or was revoked) is told so
 * ("Your session expired"); a visitor who never signed in, or signed out (blank cookie), is not.
 * Every signed-in page calls it: the proxy is never the auth boundary.
 */
export async function requireUser(pathname: string): Promise<User> {
  const current = await getCurrentSession();
  if (!current) {
    const expired = Boolean((await cookies()).get(lucia.sessionCookieName)?.value);
    redirect(signInPath(pathname, { expired }) as Route);
  }
  return current.user;
}
