/**
 * The activity log: the workspace's audit entries (src/server/audit/log.ts), newest first,
 * with a one-line summary each. Read-only. Every query is scoped by the workspace id; the list is
 * keyset (cursor) paginated on (createdAt desc, id desc), so pages stay exact while entries are
 * added.
 */
import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { listActivityInput } from "@/schemas/activity";
import { type AuditEntryFacts, auditActions, isAuditAction } from "@/server/audit/actions";
import type { AuditVia } from "@/server/audit/log";
import { effectivePlan } from "@/server/billing/entitlements";
import { planDisplayName, PLANS } from "@/server/billing/plans";
import { db } from "@/server/db";
import { keysetPage, keysetQuery, NEWEST_CREATED } from "@/server/pagination";
import { getWorkspaceSubscription } from "@/server/billing/usage";
import type { WorkspaceScope } from "@/server/services/workspaces";

type ListInput = z.output<typeof listActivityInput>;

const DAY_MS = 86_400_000;

/** The `createdAt` range of inclusive UTC days `from`..`to` (either may be absent). */
function dayRange(from?: string, to?: string): Prisma.DateTimeFilter | undefined {
  if (!from && !to) return undefined;
  return {
    ...(from && { gte: new Date(`${from}T00:00:00.000Z`) }),
    ...(to && { lt: new Date(new Date(`${to}T00:00:00.000Z`).getTime() + DAY_MS) }),
  };
}

/** What {@link describeActivity} reads of an entry: its action and what its summary reads. */
export interface ActivityEntryFacts extends AuditEntryFacts {
  action: string;
}

/**
 * The summary of an entry, to follow the actor's name, from the audit action registry
 * (src/server/audit/actions.ts); an action it lacks (an old row) reads
 * "performed <action>".
 */
export function describeActivity(entry: ActivityEntryFacts): string {
  return isAuditAction(entry.action)
    ? auditActions[entry.action].summary({ planName: planDisplayName, ...entry })
    : `performed ${entry.action}`;
}

/** How the log names an entry's origin when no member made the change (`via`). */
const viaLabels: Record<AuditVia, string> = {
  stripe_portal: "via Stripe portal",
  stripe_checkout: "via Stripe Checkout",
  stripe: "via Stripe",
  reconcile: "via billing reconcile",
  schedule: "on schedule",
};

/**
 * Who an entry names: `{ actorLabel, viaLabel }`. `actorLabel` is the actor's current name, or
 * their name when the entry was written with "(deleted user)" once the account is gone, or null
 * for a change with no actor; `viaLabel` ("via Stripe portal") says where such a change came
 * from, and is null otherwise. An entry with neither reads "System".
 */
export function attributionOf(row: {
  actor: { name: string } | null;
  actorName: string | null;
  via: string | null;
}): { actorLabel: string | null; viaLabel: string | null } {
  const viaLabel =
    row.via && Object.hasOwn(viaLabels, row.via) ? viaLabels[row.via as AuditVia] : null;
  if (row.actor) return { actorLabel: row.actor.name, viaLabel: null };
  if (row.actorName) return { actorLabel: `${row.actorName} (deleted user)`, viaLabel: null };
  return { actorLabel: viaLabel ? null : "System", viaLabel };
}

/**
 * One page of the workspace's activity, newest first (createdAt desc, then id desc):
 * `{ items: [{ id, action, createdAt: Date, actor: { id, name } | null, actorLabel, viaLabel,
 * targetType, targetId, metadata, summary }], nextCursor: string | null }` (null on the last
 * page). `actor` is null for the system (billing sync) and for deleted users; `actorLabel` and
 * `viaLabel` name them all ({@link attributionOf}). Filters: `actorId`, `action` (exact), `from` /
 * `to` (inclusive days in UTC). Only the plan's window is visible (`activityLogDays`: Free 7,
 * Pro 90, Team unlimited), counted back from `now`, returned as `visibleDays` (null = all).
 * @throws DomainError BAD_REQUEST on "cursor" for a tampered, undecodable or invalid cursor.
 */
export async function listActivity(
  scope: WorkspaceScope,
  input: Omit<ListInput, "workspaceSlug">,
  now = new Date(),
) {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (input.actorId) and.push({ actorId: input.actorId });
  if (input.action) and.push({ action: input.action });
  const createdAt = dayRange(input.from, input.to);
  if (createdAt) and.push({ createdAt });
  const keyset = keysetQuery<Prisma.AuditLogWhereInput>(NEWEST_CREATED, input.cursor, input.limit);
  if (keyset.where) and.push(keyset.where);
  // The plan's history window (Free: 7 days, Pro: 90, Team: all).
  // (Shared with the rest of the request: the overview reads the plan too.)
  const visibleDays =
    PLANS[effectivePlan(await getWorkspaceSubscription(scope))].entitlements.activityLogDays;
  if (visibleDays !== null) {
    and.push({ createdAt: { gte: new Date(now.getTime() - visibleDays * 86_400_000) } });
  }
  const rows = await db.auditLog.findMany({
    where: { workspaceId: scope.workspace.id, AND: and },
    select: {
      id: true,
      action: true,
      createdAt: true,
      targetType: true,
      targetId: true,
      metadata: true,
      actorName: true,
      via: true,
      actor: { select: { id: true, name: true } },
    },
    orderBy: keyset.orderBy,
    take: keyset.take,
  });
  const { items: page, nextCursor } = keysetPage(rows, NEWEST_CREATED, input.limit);
  const targetIds = [
    ...new Set(page.flatMap((row) => (row.targetType === "user" && row.targetId) || [])),
  ];
  const targets = targetIds.length
    ? await db.user.findMany({ where: { id: { in: targetIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(targets.map((user) => [user.id, user.name]));
  const items = page.map(({ actorName, via, ...row }) => ({
    ...row,
    ...attributionOf({ actor: row.actor, actorName, via }),
    summary: describeActivity({
      action: row.action,
      metadata: row.metadata,
      targetName: row.targetId ? names.get(row.targetId) : null,
    }),
  }));
  return { items, nextCursor, visibleDays };
}

/**
 * What the log's filters offer: `{ actors: { id, name }[], actions: string[] }`, the distinct
 * (still existing) actors and the distinct actions of this workspace's entries, sorted by name.
 */
export async function listActivityFilters(scope: WorkspaceScope) {
  const workspaceId = scope.workspace.id;
  const [actorGroups, actionGroups] = await Promise.all([
    db.auditLog.groupBy({ by: ["actorId"], where: { workspaceId, actorId: { not: null } } }),
    db.auditLog.groupBy({ by: ["action"], where: { workspaceId }, orderBy: { action: "asc" } }),
  ]);
  const actorIds = actorGroups.flatMap((group) => group.actorId ?? []);
  const actors = actorIds.length
    ? await db.user.findMany({
        where: { id: { in: actorIds } },
        select: { id: true, name: true },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      })
    : [];
  return { actors, actions: actionGroups.map((group) => group.action) };
}
