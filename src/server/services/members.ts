/**
 * Members of a workspace: list, change role, remove. The owner's role changes only by transfer
 * (workspaces.ts), so a workspace never loses its owner; changes check the target under the
 * workspace lock (`lockScope`), so a transfer committing meanwhile cannot slip past that check.
 * Changes are audited in their transaction.
 */
import "server-only";
import type { Prisma, Role } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { pictureUrls } from "@/server/services/uploads";
import { DomainError } from "@/server/errors";
import { recordAudit } from "@/server/audit/log";
import { syncSeats } from "@/server/billing/seats";
import { lockScope, type WorkspaceScope } from "@/server/services/workspaces";

/** The members, owner first, then by name. */
export async function listMembers(scope: WorkspaceScope) {
  const rows = await db.membership.findMany({
    where: { workspaceId: scope.workspace.id },
    include: { user: { select: { name: true, email: true, avatarKey: true } } },
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
  });
  return Promise.all(
    rows.map(async (row) => ({
      userId: row.userId,
      name: row.user.name,
      email: row.user.email,
      role: row.role,
      joinedAt: row.createdAt,
      /** The avatar's 64 px signed URL; null for initials. */
      avatarUrl: (await pictureUrls(row.user.avatarKey))?.s64 ?? null,
    })),
  );
}

/**
 * Inside `tx`, under the workspace lock: the membership of `userId` in the scope's workspace,
 * unless it is the owner's.
 * @throws DomainError NOT_FOUND when not a member; FORBIDDEN for the owner, or when the actor no
 *   longer has "members:manage".
 */
async function lockChangeableMember(
  tx: Prisma.TransactionClient,
  scope: WorkspaceScope,
  userId: string,
) {
  await lockScope(tx, scope, "members:manage");
  const target = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: scope.workspace.id, userId } },
  });
  if (!target) throw new DomainError("NOT_FOUND", "This person is not a member.", "userId");
  if (target.role === "owner") {
    throw new DomainError("FORBIDDEN", "The owner's role changes only by transferring ownership.");
  }
  return target;
}

/** Makes a non-owner member an admin or a member. */
export async function updateMemberRole(
  scope: WorkspaceScope,
  userId: string,
  role: Exclude<Role, "owner">,
) {
  await db.$transaction(async (tx) => {
    const target = await lockChangeableMember(tx, scope, userId);
    await tx.membership.update({ where: { id: target.id }, data: { role } });
    await recordAudit(tx, {
      workspaceId: scope.workspace.id,
      actorId: scope.actorId,
      action: "member.role_changed",
      targetType: "user",
      targetId: userId,
      metadata: { from: target.role, to: role },
    });
  });
  return { userId, role };
}

/** Removes a non-owner member. */
export async function removeMember(scope: WorkspaceScope, userId: string) {
  await db.$transaction(async (tx) => {
    const target = await lockChangeableMember(tx, scope, userId);
    await tx.membership.delete({ where: { id: target.id } });
    await recordAudit(tx, {
      workspaceId: scope.workspace.id,
      actorId: scope.actorId,
      action: "member.removed",
      targetType: "user",
      targetId: userId,
      metadata: { role: target.role },
    });
  });
  await syncSeats(scope.workspace.id);
  return { status: "removed" } as const;
}
