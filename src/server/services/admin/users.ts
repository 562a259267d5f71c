/**
 * Admin console, users: search, a user's details, disable, enable and sign out everywhere.
 * Callers are checked by `adminProcedure` (src/server/api/admin.ts); these functions trust
 * their `adminId`. Every change is audited (`admin.<verb>`, actor = the admin) in the transaction
 * of the change.
 */
import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { adminSearchUsersInput } from "@/schemas/admin";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { keysetPage, keysetQuery, likeLiteral, NEWEST_CREATED } from "@/server/pagination";
import { recordAudit } from "@/server/audit/log";

type SearchInput = Pick<z.output<typeof adminSearchUsersInput>, "q" | "cursor" | "limit">;

const userSummaryFields = {
  id: true,
  email: true,
  name: true,
  isAdmin: true,
  disabledAt: true,
  emailVerifiedAt: true,
  createdAt: true,
} as const;

/**
 * One page of users, newest first: `q` matches email or name, case-insensitive, literally
 * (a `%` finds only a literal `%`).
 * @throws DomainError BAD_REQUEST on "cursor" for a tampered cursor.
 */
export async function searchUsers(input: SearchInput) {
  const and: Prisma.UserWhereInput[] = [];
  if (input.q) {
    const q = likeLiteral(input.q);
    and.push({
      OR: [
        { email: { contains: q, mode: "insensitive" } },
        { name: { contains: q, mode: "insensitive" } },
      ],
    });
  }
  const page = keysetQuery<Prisma.UserWhereInput>(NEWEST_CREATED, input.cursor, input.limit);
  if (page.where) and.push(page.where);
  const rows = await db.user.findMany({
    where: { AND: and },
    select: userSummaryFields,
    orderBy: page.orderBy,
    take: page.take,
  });
  return keysetPage(rows, NEWEST_CREATED, input.limit);
}

const userNotFound = () => new DomainError("NOT_FOUND", "No user has this id.");

/**
 * A user's profile, admin and disabled flags, workspaces (with role) and how many unexpired
 * sessions they have.
 * @throws DomainError NOT_FOUND for an unknown id.
 */
export async function getUser(userId: string) {
  const now = new Date();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      ...userSummaryFields,
      updatedAt: true,
      memberships: {
        select: {
          role: true,
          createdAt: true,
          workspace: { select: { id: true, name: true, slug: true } },
        },
        orderBy: { createdAt: "asc" },
      },
      _count: {
        select: {
          sessions: { where: { expiresAt: { gt: now }, absoluteExpiresAt: { gt: now } } },
        },
      },
    },
  });
  if (!user) throw userNotFound();
  const { _count, ...rest } = user;
  return { ...rest, activeSessions: _count.sessions };
}

/**
 * Disables `userId`: sets `disabledAt` (kept when already set) and deletes every session, so they
 * are signed out at once and cannot sign in again until enabled. Audited `admin.user_disabled`.
 * @throws DomainError CONFLICT when an admin tries to disable themself; NOT_FOUND for an unknown id.
 */
export async function disableUser(adminId: string, userId: string) {
  if (adminId === userId) {
    throw new DomainError("CONFLICT", "You cannot disable your own account.");
  }
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, disabledAt: true },
    });
    if (!user) throw userNotFound();
    const disabledAt = user.disabledAt ?? new Date();
    await tx.user.update({ where: { id: userId }, data: { disabledAt } });
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      workspaceId: null,
      actorId: adminId,
      action: "admin.user_disabled",
      targetType: "user",
      targetId: userId,
      metadata: { email: user.email, sessionsRevoked: count },
    });
    return { status: "disabled" as const, disabledAt, sessionsRevoked: count };
  });
}

/**
 * Enables a disabled user again (they may sign in; their old sessions stay gone).
 * Audited `admin.user_enabled`.
 * @throws DomainError NOT_FOUND for an unknown id.
 */
export async function enableUser(adminId: string, userId: string) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, disabledAt: true },
    });
    if (!user) throw userNotFound();
    await tx.user.update({ where: { id: userId }, data: { disabledAt: null } });
    await recordAudit(tx, {
      workspaceId: null,
      actorId: adminId,
      action: "admin.user_enabled",
      targetType: "user",
      targetId: userId,
      metadata: { email: user.email, wasDisabled: user.disabledAt !== null },
    });
    return { status: "enabled" as const };
  });
}

/**
 * Signs `userId` out of every device (deletes all their sessions). Audited `admin.user_signed_out`.
 * @throws DomainError NOT_FOUND for an unknown id.
 */
export async function signOutEverywhere(adminId: string, userId: string) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true },
    });
    if (!user) throw userNotFound();
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      workspaceId: null,
      actorId: adminId,
      action: "admin.user_signed_out",
      targetType: "user",
      targetId: userId,
      metadata: { email: user.email, sessionsRevoked: count },
    });
    return { sessionsRevoked: count };
  });
}
