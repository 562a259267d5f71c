/**
 * Admin console, the audit log across every workspace. Read only; callers are checked by
 * `adminProcedure` (src/server/api/admin.ts).
 */
import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { adminListAuditLogInput } from "@/schemas/admin";
import { db } from "@/server/db";
import { keysetPage, keysetQuery, NEWEST_CREATED } from "@/server/pagination";

type AuditInput = Omit<z.output<typeof adminListAuditLogInput>, "direction">;

/**
 * One page of the audit log across workspaces, newest first, filtered by workspace, actor and
 * action; with the actor's and the workspace's names (null once deleted).
 * @throws DomainError BAD_REQUEST on "cursor" for a tampered cursor.
 */
export async function listAuditLog(input: AuditInput) {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (input.workspaceId) and.push({ workspaceId: input.workspaceId });
  if (input.actorId) and.push({ actorId: input.actorId });
  if (input.action) and.push({ action: input.action });
  const page = keysetQuery<Prisma.AuditLogWhereInput>(NEWEST_CREATED, input.cursor, input.limit);
  if (page.where) and.push(page.where);
  const rows = await db.auditLog.findMany({
    where: { AND: and },
    select: {
      id: true,
      action: true,
      targetType: true,
      targetId: true,
      metadata: true,
      createdAt: true,
      actor: { select: { id: true, name: true, email: true } },
      workspace: { select: { id: true, name: true, slug: true } },
    },
    orderBy: page.orderBy,
    take: page.take,
  });
  return keysetPage(rows, NEWEST_CREATED, input.limit);
}
