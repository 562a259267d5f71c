/**
 * The activity log: the workspace's audit entries (src/server/services/audit.ts), newest first,
 * with a one-line summary each. Read-only. Every query is scoped by the workspace id; the list is
 * keyset (cursor) paginated on (createdAt desc, id desc), so pages stay exact while entries are
 * added.
 */
import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { listActivityInput } from "@/schemas/activity";
import { PLANS, type PlanSlug } from "@/server/billing/plans";
import { getEntitlements } from "@/server/billing/entitlements";
import { db } from "@/server/db";
import { cursorDate, decodeCursor, encodeCursor, keysetAfter } from "@/server/pagination";
import type { WorkspaceScope } from "@/server/services/workspaces";

type ListInput = z.output<typeof listActivityInput>;

const DAY_MS = 86_400_000;

/** What a cursor holds: the last entry's createdAt (ISO) and id. */
const cursorSchema = z.strictObject({
  createdAt: z.iso.datetime(),
  id: z.string().min(1).max(64),
});

/** The keyset condition "older than the cursor's entry". @throws DomainError BAD_REQUEST. */
function afterCursor(cursor: string): Prisma.AuditLogWhereInput {
  const decoded = decodeCursor(cursor, cursorSchema);
  return keysetAfter("createdAt", cursorDate(decoded.createdAt), decoded.id);
}

/** The `createdAt` range of inclusive UTC days `from`..`to` (either may be absent). */
function dayRange(from?: string, to?: string): Prisma.DateTimeFilter | undefined {
  if (!from && !to) return undefined;
  return {
    ...(from && { gte: new Date(`${from}T00:00:00.000Z`) }),
    ...(to && { lt: new Date(new Date(`${to}T00:00:00.000Z`).getTime() + DAY_MS) }),
  };
}

/** What {@link describeActivity} reads of an entry. */
export interface ActivityEntryFacts {
  action: string;
  metadata: Prisma.JsonValue | null;
  /** The name of the user the entry is about (targetType "user"), when known. */
  targetName?: string | null;
}

/** `metadata[key]` when it is a non-empty string. */
function text(metadata: Prisma.JsonValue | null, key: string): string | undefined {
  if (!metadata || typeof metadata !== "object" || Array.isArray(metadata)) return undefined;
  const value = (metadata as Prisma.JsonObject)[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** "Free" for "free"; an unknown slug as is; "no plan" when absent. */
function planName(slug: string | undefined): string {
  if (!slug) return "no plan";
  return slug in PLANS ? PLANS[slug as PlanSlug].name : slug;
}

/** "past due" for "past_due"; "none" when absent. */
function statusName(status: string | undefined): string {
  return status ? status.replaceAll("_", " ") : "none";
}

/**
 * The summary of an entry, to follow the actor's name: "created project Apollo", "changed Bob's
 * role to admin", "subscription changed from Free to Pro". Reads only string metadata; an
 * unknown action reads "performed <action>".
 */
export function describeActivity(entry: ActivityEntryFacts): string {
  const { action, metadata } = entry;
  const get = (key: string) => text(metadata, key);
  const name = get("name");
  const project = name ? `project ${name}` : "a project";
  const person = entry.targetName ?? "a former member";
  const email = get("email");
  const invitee = email ? `the invitation to ${email}` : "an invitation";
  switch (action) {
    case "project.created":
      return `created ${project}`;
    case "project.updated":
      return `updated ${project}`;
    case "project.archived":
      return `archived ${project}`;
    case "project.restored":
      return `restored ${project}`;
    case "project.deleted":
      return `deleted ${project}`;
    case "member.role_changed": {
      const to = get("to");
      return to ? `changed ${person}'s role to ${to}` : `changed ${person}'s role`;
    }
    case "member.removed":
      return `removed ${person} from the workspace`;
    case "member.left":
      return "left the workspace";
    case "workspace.created":
      return name ? `created the workspace ${name}` : "created the workspace";
    case "workspace.renamed": {
      const [from, to] = [get("from"), get("to")];
      return from && to ? `renamed the workspace from ${from} to ${to}` : "renamed the workspace";
    }
    case "workspace.ownership_transferred":
      return `transferred ownership to ${person}`;
    case "workspace.deleted":
      return "deleted the workspace";
    case "billing.subscription_changed": {
      const [before, after] = [get("planBefore"), get("planAfter")];
      if (before !== after) {
        return `subscription changed from ${planName(before)} to ${planName(after)}`;
      }
      const [statusBefore, statusAfter] = [get("statusBefore"), get("statusAfter")];
      return `subscription status changed from ${statusName(statusBefore)} to ${statusName(statusAfter)}`;
    }
    case "invitation.created": {
      const role = get("role");
      return email ? `invited ${email}${role ? ` as ${role}` : ""}` : "sent an invitation";
    }
    case "invitation.resent":
      return `resent ${invitee}`;
    case "invitation.revoked":
      return `revoked ${invitee}`;
    case "invitation.accepted": {
      const role = get("role");
      return role ? `accepted an invitation and joined as ${role}` : "accepted an invitation";
    }
    default:
      return `performed ${action}`;
  }
}

/**
 * One page of the workspace's activity, newest first (createdAt desc, then id desc):
 * `{ items: [{ id, action, createdAt: Date, actor: { id, name } | null, targetType, targetId,
 * metadata, summary }], nextCursor: string | null }` (null on the last page). `actor` is null for
 * the system (billing sync) and for deleted users. Filters: `actorId`, `action` (exact), `from` /
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
  if (input.cursor) and.push(afterCursor(input.cursor));
  // The plan's history window (Free: 7 days, Pro: 90, Team: all).
  const { entitlements } = await getEntitlements(scope.workspace.id);
  const visibleDays = entitlements.activityLogDays;
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
      actor: { select: { id: true, name: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const targetIds = [
    ...new Set(page.flatMap((row) => (row.targetType === "user" && row.targetId) || [])),
  ];
  const targets = targetIds.length
    ? await db.user.findMany({ where: { id: { in: targetIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(targets.map((user) => [user.id, user.name]));
  const items = page.map((row) => ({
    ...row,
    summary: describeActivity({
      action: row.action,
      metadata: row.metadata,
      targetName: row.targetId ? names.get(row.targetId) : null,
    }),
  }));
  const last = page.at(-1);
  return {
    items,
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id })
        : null,
    visibleDays,
  };
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
