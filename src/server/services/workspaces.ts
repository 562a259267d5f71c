/**
 * Workspaces: create (a personal one at email verification), read, rename, transfer ownership,
 * delete, leave. A workspace always has exactly one owner. Every change is audited in its
 * transaction.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma, Role } from "@/generated/prisma/client";
import type { z } from "zod";
import { transliterate } from "transliteration";
import { WORKSPACE_NOT_FOUND } from "@/schemas/navigation";
import { type createWorkspaceInput, workspaceSlugSchema } from "@/schemas/workspace";
import { type Permission, rolePermissions } from "@/schemas/permissions";
import { assertCan } from "@/server/auth/permissions";
import { db } from "@/server/db";
import { isUniqueViolation } from "@/server/db-errors";
import { DomainError } from "@/server/errors";
import { recordAudit } from "@/server/audit/log";
import { cancelBilling } from "@/server/billing/cancel";
import { syncSeats } from "@/server/billing/seats";
import { enqueue } from "@/server/jobs/queue";
import { pictureUrls } from "@/server/services/uploads";
import { lockWorkspace } from "@/server/workspace-locks";
import type { RequestReads } from "@/server/billing/usage";

type Tx = Prisma.TransactionClient;

/**
 * Who acts on which workspace, with which role: what `workspaceProcedure` puts in `ctx.scope`
 * and every workspace service takes first. The one "scope" of the code base.
 */
export interface WorkspaceScope {
  actorId: string;
  /** `logoKey`: the logo's storage prefix (null: none), when the scope's read took it. */
  workspace: { id: string; name: string; slug: string; logoKey?: string | null };
  membership: { role: Role };
  /** The request's shared reads, on the scope one request's queries share (billing/usage.ts). */
  reads?: RequestReads;
}

/** The scope of `userId` acting on the workspace with `slug`; null when not a member. */
export async function findWorkspaceScope(
  userId: string,
  slug: string,
): Promise<WorkspaceScope | null> {
  // One statement (Prisma's nested select would take two): it runs for every workspace request.
  const [row] = await db.$queryRaw<
    { role: Role; id: string; name: string; slug: string; logoKey: string | null }[]
  >`
    SELECT m."role"::text AS "role", w."id", w."name", w."slug", w."logoKey"
    FROM "Membership" m JOIN "Workspace" w ON w."id" = m."workspaceId"
    WHERE m."userId" = ${userId} AND w."slug" = ${slug}
    LIMIT 1`;
  if (!row) return null;
  return {
    actorId: userId,
    workspace: { id: row.id, name: row.name, slug: row.slug, logoKey: row.logoKey },
    membership: { role: row.role },
  };
}

/** What a non-member is told, whether or not the workspace exists. */
export function workspaceNotFound() {
  return new DomainError("NOT_FOUND", WORKSPACE_NOT_FOUND);
}

/**
 * Inside `tx`: locks the scope's workspace row and re-reads the actor's role under that lock, so
 * checks made afterwards hold until commit. The role in `scope` was read before the transaction
 * and may be stale: a concurrent transfer may have made the owner an admin.
 * @returns the actor's current role.
 * @throws DomainError NOT_FOUND when the workspace or the actor's membership is gone; FORBIDDEN
 *   when the actor's current role lacks `permission`.
 */
export async function lockScope(tx: Tx, scope: WorkspaceScope, permission?: Permission) {
  if (!(await lockWorkspace(tx, scope.workspace.id))) throw workspaceNotFound();
  const actor = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: scope.workspace.id, userId: scope.actorId } },
    select: { role: true },
  });
  if (!actor) throw workspaceNotFound();
  if (permission) assertCan(actor.role, permission);
  return actor.role;
}

/**
 * A slug derived from a workspace's name: transliterated to ASCII by `transliteration` (Cyrillic
 * "Команда" → "komanda", Greek "Ομάδα" → "omada", Chinese "北京" → "bei-jing" in pinyin), then
 * lower-case letters, digits and single dashes, at most 32 characters. A name with nothing to
 * spell (emoji only) or whose slug would be too short or reserved (`workspaceSlugSchema`) gets
 * "workspace", prefixed to what there is ("workspace-ab").
 */
export function slugify(name: string): string {
  const slug = transliterate(name)
    .normalize("NFKD")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 32)
    .replace(/-+$/g, "");
  if (workspaceSlugSchema.safeParse(slug).success) return slug;
  return slug ? `workspace-${slug}`.slice(0, 32).replace(/-+$/g, "") : "workspace";
}

/** The workspaces of `userId`, by name. */
export async function listWorkspaces(userId: string) {
  // One statement (Prisma's include would take two): the shell reads it on every page.
  const rows = await db.$queryRaw<
    { id: string; name: string; slug: string; role: Role; logoKey: string | null }[]
  >`
    SELECT w."id", w."name", w."slug", w."logoKey", m."role"::text AS "role"
    FROM "Membership" m JOIN "Workspace" w ON w."id" = m."workspaceId"
    WHERE m."userId" = ${userId}
    ORDER BY w."name" ASC`;
  return Promise.all(
    rows.map(async ({ logoKey, ...workspace }) => ({
      ...workspace,
      /** The logo's 64 px signed URL; null for initials. */
      logoUrl: (await pictureUrls(logoKey))?.s64 ?? null,
    })),
  );
}

/**
 * Creates a workspace owned by `userId` inside `tx`. With no `slug`, one is derived from the
 * name, with a random suffix when taken.
 * @throws DomainError CONFLICT on "slug" when the requested slug is taken.
 */
async function insertWorkspace(tx: Tx, userId: string, name: string, slug?: string) {
  const candidates = slug
    ? [slug]
    : [
        slugify(name),
        ...Array.from({ length: 4 }, () => `${slugify(name)}-${randomBytes(3).toString("hex")}`),
      ];
  for (const candidate of candidates) {
    if (await tx.workspace.findUnique({ where: { slug: candidate } })) continue;
    const workspace = await tx.workspace.create({
      data: { name, slug: candidate, memberships: { create: { userId, role: "owner" } } },
    });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actorId: userId,
      action: "workspace.created",
      targetType: "workspace",
      targetId: workspace.id,
      metadata: { name, slug: candidate },
    });
    return workspace;
  }
  throw new DomainError("CONFLICT", "This slug is already taken.", "slug");
}

/** The personal workspace made when a user verifies their email (no-op if they have one). */
export async function ensurePersonalWorkspace(tx: Tx, user: { id: string; name: string }) {
  if (await tx.membership.findFirst({ where: { userId: user.id } })) return;
  await insertWorkspace(tx, user.id, `${user.name}'s workspace`.slice(0, 60));
}

/**
 * Creates a workspace owned by `userId`.
 * @throws DomainError CONFLICT on "slug" when taken.
 */
export async function createWorkspace(
  userId: string,
  input: z.output<typeof createWorkspaceInput>,
) {
  try {
    const workspace = await db.$transaction((tx) =>
      insertWorkspace(tx, userId, input.name, input.slug),
    );
    return { slug: workspace.slug };
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("CONFLICT", "This slug is already taken.", "slug");
    throw error;
  }
}

/** The workspace as its member sees it, with the permissions of their role. */
export async function getWorkspace(scope: WorkspaceScope) {
  const { logoKey = await readLogoKey(scope.workspace.id), ...workspace } = scope.workspace;
  return {
    ...workspace,
    role: scope.membership.role,
    permissions: [...rolePermissions[scope.membership.role]],
    /** Signed URLs of the logo's sizes (`s64`, `s256`); null for initials. */
    logo: await pictureUrls(logoKey),
  };
}

function readLogoKey(workspaceId: string): Promise<string | null> {
  return db.workspace
    .findUniqueOrThrow({ where: { id: workspaceId }, select: { logoKey: true } })
    .then((workspace) => workspace.logoKey);
}

/** Renames the workspace (the slug stays, so links keep working). */
export async function renameWorkspace(scope: WorkspaceScope, name: string) {
  const workspace = await db.$transaction(async (tx) => {
    const updated = await tx.workspace.update({
      where: { id: scope.workspace.id },
      data: { name },
    });
    await recordAudit(tx, {
      workspaceId: updated.id,
      actorId: scope.actorId,
      action: "workspace.renamed",
      targetType: "workspace",
      targetId: updated.id,
      metadata: { from: scope.workspace.name, to: name },
    });
    return updated;
  });
  return { slug: workspace.slug, name: workspace.name };
}

/**
 * Makes another member the owner; the previous owner becomes an admin. Under the workspace lock,
 * so a concurrent transfer, removal or role change cannot leave two owners or none.
 * @throws DomainError NOT_FOUND when `userId` is not a member; BAD_REQUEST for yourself;
 *   FORBIDDEN when the actor is no longer the owner.
 */
export async function transferOwnership(scope: WorkspaceScope, userId: string) {
  if (userId === scope.actorId) {
    throw new DomainError("BAD_REQUEST", "You already own this workspace.", "userId");
  }
  await db.$transaction(async (tx) => {
    await lockScope(tx, scope, "workspace:transfer");
    const target = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: scope.workspace.id, userId } },
    });
    if (!target) throw new DomainError("NOT_FOUND", "This person is not a member.", "userId");
    await tx.membership.update({ where: { id: target.id }, data: { role: "owner" } });
    await tx.membership.update({
      where: { workspaceId_userId: { workspaceId: scope.workspace.id, userId: scope.actorId } },
      data: { role: "admin" },
    });
    await recordAudit(tx, {
      workspaceId: scope.workspace.id,
      actorId: scope.actorId,
      action: "workspace.ownership_transferred",
      targetType: "user",
      targetId: userId,
    });
  });
  return { status: "transferred" } as const;
}

/**
 * Deletes the workspace with its memberships and invitations; its audit entries stay.
 * @throws DomainError BAD_REQUEST on "confirmSlug" unless it repeats the slug.
 */
export async function deleteWorkspace(scope: WorkspaceScope, confirmSlug: string) {
  if (confirmSlug.trim().toLowerCase() !== scope.workspace.slug) {
    throw new DomainError(
      "BAD_REQUEST",
      `Type "${scope.workspace.slug}" to confirm.`,
      "confirmSlug",
    );
  }
  await cancelBilling([scope.workspace.id]);
  await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      workspaceId: scope.workspace.id,
      actorId: scope.actorId,
      action: "workspace.deleted",
      targetType: "workspace",
      targetId: scope.workspace.id,
      metadata: { name: scope.workspace.name, slug: scope.workspace.slug },
    });
    await tx.workspace.delete({ where: { id: scope.workspace.id } });
  });
  // Its files (logo, imports) go in the background, retried while storage is unreachable.
  await enqueue("delete-files", { prefix: `w/${scope.workspace.id}/` });
  return { status: "deleted" } as const;
}

/**
 * Leaves the workspace. The role is checked under the workspace lock: a transfer to the actor
 * that commits first makes them the owner, who cannot leave.
 * @throws DomainError CONFLICT for the owner, who must transfer ownership first.
 */
export async function leaveWorkspace(scope: WorkspaceScope) {
  await db.$transaction(async (tx) => {
    if ((await lockScope(tx, scope)) === "owner") {
      throw new DomainError("CONFLICT", "Transfer ownership before leaving.");
    }
    await tx.membership.deleteMany({
      where: { workspaceId: scope.workspace.id, userId: scope.actorId },
    });
    await recordAudit(tx, {
      workspaceId: scope.workspace.id,
      actorId: scope.actorId,
      action: "member.left",
      targetType: "user",
      targetId: scope.actorId,
    });
  });
  await syncSeats(scope.workspace.id);
  return { status: "left" } as const;
}
