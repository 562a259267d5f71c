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

/** The columns of a session the adapter reads. */
type SessionRow = Pick<
  Session,
  "userId" | "expiresAt" | "absoluteExpiresAt" | "lastSeenAt" | "userAgent" | "ipAddress"
>;
/** The columns of a user Lucia's user attributes hold. */
type UserRow = Pick<
  User,
  | "id"
  | "email"
  | "name"
  | "disabledAt"
  | "isAdmin"
  | "isEditor"
  | "checklistDismissedAt"
  | "avatarKey"
>;

function toDatabaseSession(row: SessionRow, id: string): DatabaseSession {
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

function toDatabaseUser(row: UserRow): DatabaseUser {
  return {
    id: row.id,
    attributes: {
      email: row.email,
      name: row.name,
      disabledAt: row.disabledAt,
      isAdmin: row.isAdmin,
      isEditor: row.isEditor,
      checklistDismissedAt: row.checklistDismissedAt,
      avatarKey: row.avatarKey,
    },
  };
}

export class HashedSessionAdapter implements Adapter {
  constructor(private readonly db: PrismaClient) {}

  async getSessionAndUser(
    sessionId: string,
  ): Promise<[session: DatabaseSession | null, user: DatabaseUser | null]> {
    // One statement on every signed-in request (Prisma's `include` would take two).
    const [row] = await this.db.$queryRaw<(SessionRow & Omit<UserRow, "id">)[]>`
      SELECT s."id", s."userId", s."expiresAt", s."absoluteExpiresAt", s."lastSeenAt",
        s."userAgent", s."ipAddress",
        u."email", u."name", u."disabledAt", u."isAdmin", u."isEditor", u."checklistDismissedAt",
        u."avatarKey"
      FROM "Session" s JOIN "User" u ON u."id" = s."userId"
      WHERE s."id" = ${hashToken(sessionId)}`;
    if (!row) return [null, null];
    return [toDatabaseSession(row, sessionId), toDatabaseUser({ ...row, id: row.userId })];
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
