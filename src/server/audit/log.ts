/**
 * The audit log: who did what to which workspace. Always written with the transaction client of
 * the change it records, so the change and its record commit or fail together.
 */
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { AuditAction } from "@/server/audit/actions";

/** What an entry may be about (`targetType`). */
export const auditTargetTypes = [
  "workspace",
  "user",
  "invitation",
  "project",
  // gen:resource audit target types
] as const;
export type AuditTargetType = (typeof auditTargetTypes)[number];

/**
 * One entry. `action` is a dotted verb such as "member.role_changed", one of the registry's
 * (src/server/audit/actions.ts), which gives its summary in the activity log.
 */
export interface AuditEntry {
  workspaceId: string | null;
  actorId: string | null;
  action: AuditAction;
  targetType?: AuditTargetType;
  targetId?: string;
  metadata?: Prisma.InputJsonObject;
}

/** Records `entry` inside the transaction `tx`. */
export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: entry });
}
