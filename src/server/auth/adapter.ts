/**
 * Lucia's database adapter over our Prisma client. The official @lucia-auth/adapter-prisma pins
 * Prisma ≤ 5, so this is ours (Lucia v3 "Custom adapter" guide).
 *
 * Session ids are hashed at rest: Lucia hands the adapter the token from the cookie, and the
 * adapter stores and looks up SHA-256(token) only, so a leaked `Session` table holds no usable
 * session. Consequence: `getUserSessions` returns hashed ids, which Lucia cannot turn back into
 * tokens; list and revoke sessions through `src/server/services/sessions.ts` instead.
 */
import "server-only";
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import type { PrismaClient, Session, User } from "@/generated/prisma/client";
import { hashToken } from "@/server/auth/tokens";

function toDatabaseSession(row: Session, id: string): DatabaseSession {
  return {
    id,
    userId: row.userId,
    expiresAt: row.expiresAt,
    attributes: {
      absoluteExpiresAt: row.absoluteExpiresAt,
      lastSeenAt: row.lastSeenAt,
      userAgent: row.userAgent,
      ipAddress: row.ipAddress,
    },
  };
}

function toDatabaseUser(row: User): DatabaseUser {
  return {
    id: row.id,
    attributes: {
      email: row.email,
      name: row.name,
      disabledAt: row.disabledAt,
      isAdmin: row.isAdmin,
      avatarKey: row.avatarKey,
    },
  };
}

export class HashedSessionAdapter implements Adapter {
  constructor(private readonly db: PrismaClient) {}

  async getSessionAndUser(
    sessionId: string,
  ): Promise<[session: DatabaseSession | null, user: DatabaseUser | null]> {
    const row = await this.db.session.findUnique({
      where: { id: hashToken(sessionId) },
      include: { user: true },
    });
    if (!row) return [null, null];
    return [toDatabaseSession(row, sessionId), toDatabaseUser(row.user)];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.db.session.findMany({ where: { userId } });
    return rows.map((row) => toDatabaseSession(row, row.id));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.db.session.create({
      data: {
        id: hashToken(session.id),
        userId: session.userId,
        expiresAt: session.expiresAt,
        ...session.attributes,
      },
    });
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.db.session.updateMany({ where: { id: hashToken(sessionId) }, data: { expiresAt } });
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db.session.deleteMany({ where: { id: hashToken(sessionId) } });
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.db.session.deleteMany({ where: { userId } });
  }

  async deleteExpiredSessions(): Promise<void> {
    const now = new Date();
    await this.db.session.deleteMany({
      where: { OR: [{ expiresAt: { lte: now } }, { absoluteExpiresAt: { lte: now } }] },
    });
  }
}
