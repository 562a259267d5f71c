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
  "post",
  // gen:resource audit target types
] as const;
export type AuditTargetType = (typeof auditTargetTypes)[number];

/**
 * Where a change without an actor came from (the `via` column), for Stripe's webhooks: a change
 * made in the Customer Portal (plan, cancellation, resumption), a new subscription from Checkout,
 * or Stripe itself (a failed payment, the end of a period); or `npm run billing:reconcile`; or
 * `schedule`: a scheduled post published by the `publish-posts` job at its publishAt.
 */
export const auditVias = [
  "stripe_portal",
  "stripe_checkout",
  "stripe",
  "reconcile",
  "schedule",
] as const;
export type AuditVia = (typeof auditVias)[number];

/**
 * One entry. `action` is a dotted verb such as "member.role_changed", one of the registry's
 * (src/server/audit/actions.ts), which gives its summary in the activity log.
 */
export interface AuditEntry {
  workspaceId: string | null;
  actorId: string | null;
  /** Set only when `actorId` is null: where the change came from. */
  via?: AuditVia;
  action: AuditAction;
  targetType?: AuditTargetType;
  targetId?: string;
  metadata?: Prisma.InputJsonObject;
}

/**
 * Records `entry` inside the transaction `tx`, with the actor's name as it is now (`actorName`),
 * so the log still names them once their account is deleted (the relation then becomes null).
 */
export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  const actor = entry.actorId
    ? await tx.user.findUnique({ where: { id: entry.actorId }, select: { name: true } })
    : null;
  await tx.auditLog.create({ data: { ...entry, actorName: actor?.name ?? null } });
}
