/**
 * A user's sessions: list (device, IP, last seen) and revoke. Session ids here are the stored
 * SHA-256 hashes, never tokens.
 */
import "server-only";
import { UAParser } from "ua-parser-js";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

/** One session as the settings page shows it. Dates are Date objects (superjson). */
export interface SessionSummary {
  id: string;
  current: boolean;
  browser: string | null;
  os: string | null;
  device: string | null;
  ipAddress: string | null;
  createdAt: Date;
  lastSeenAt: Date;
}

const joined = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(" ") || null;

/** The user's unexpired sessions, most recently used first. */
export async function listSessions(
  userId: string,
  currentSessionId: string,
): Promise<SessionSummary[]> {
  const now = new Date();
  const rows = await db.session.findMany({
    where: { userId, expiresAt: { gt: now }, absoluteExpiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
  });
  return rows.map((row) => {
    const ua = new UAParser(row.userAgent ?? "").getResult();
    return {
      id: row.id,
      current: row.id === currentSessionId,
      browser: joined(ua.browser.name, ua.browser.major),
      os: joined(ua.os.name, ua.os.version),
      device: joined(ua.device.vendor, ua.device.model),
      ipAddress: row.ipAddress,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
    };
  });
}

/**
 * Revokes one of the user's sessions (not necessarily another device's).
 * @throws DomainError NOT_FOUND when the user has no such session.
 */
export async function revokeSession(userId: string, sessionId: string) {
  const { count } = await db.session.deleteMany({ where: { id: sessionId, userId } });
  if (count === 0) throw new DomainError("NOT_FOUND", "This session no longer exists.");
  return { status: "revoked" } as const;
}

/** Revokes every session of the user except `currentSessionId`; returns how many. */
export async function revokeOtherSessions(userId: string, currentSessionId: string) {
  const { count } = await db.session.deleteMany({
    where: { userId, id: { not: currentSessionId } },
  });
  return { revoked: count };
}
