/**
 * Projects: the example workspace resource, and the pattern to copy for your own. Every query is
 * scoped by the workspace id; every change is audited in its transaction; the list is keyset
 * (cursor) paginated, so pages stay exact while rows are inserted; creation is limited by the
 * plan's `maxProjects` (archived projects count too).
 */
import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type {
  createProjectInput,
  listProjectsInput,
  ProjectSortKey,
  updateProjectInput,
} from "@/schemas/project";
import { assertEntitlement } from "@/server/billing/entitlements";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { type KeysetOrder, keysetPage, keysetQuery, likeLiteral } from "@/server/pagination";
import { recordAudit } from "@/server/audit/log";
import type { WorkspaceScope } from "@/server/services/workspaces";

const projectFields = {
  id: true,
  name: true,
  description: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  owner: { select: { id: true, name: true } },
} as const;

type ListInput = z.output<typeof listProjectsInput>;

/** The list's order for a sort key and direction: `name` is text, the others dates. */
export function projectOrder(
  sort: ProjectSortKey,
  dir: "asc" | "desc",
): KeysetOrder<ProjectSortKey> {
  return { field: sort, dir, type: sort === "name" ? "text" : "date" };
}

/**
 * One page of the workspace's projects: `{ items, nextCursor }` (null on the last page).
 * Filters: `status` (without it, archived projects are left out) and `q` (name or description
 * contains it, case-insensitive, literally: `%`, `_` and `\` are escaped, since Prisma passes
 * them to ILIKE as wildcards).
 * Sorted by `sort` then id, both in `dir`.
 * @throws DomainError BAD_REQUEST on "cursor" for a tampered cursor or one from another sort.
 */
export async function listProjects(scope: WorkspaceScope, input: Omit<ListInput, "workspaceSlug">) {
  const { sort, dir, limit } = input;
  const and: Prisma.ProjectWhereInput[] = [
    { workspaceId: scope.workspace.id },
    input.status ? { status: input.status } : { status: { not: "archived" } },
  ];
  if (input.q) {
    const literal = likeLiteral(input.q);
    and.push({
      OR: [
        { name: { contains: literal, mode: "insensitive" } },
        { description: { contains: literal, mode: "insensitive" } },
      ],
    });
  }
  const order = projectOrder(sort, dir);
  const { where, orderBy, take } = keysetQuery<Prisma.ProjectWhereInput>(
    order,
    input.cursor,
    limit,
  );
  if (where) and.push(where);
  const rows = await db.project.findMany({
    where: { AND: and },
    select: projectFields,
    orderBy,
    take,
  });
  return keysetPage(rows, order, limit);
}

/**
 * Creates a project owned by the caller.
 * @throws EntitlementError (PAYMENT_REQUIRED) when the plan's project limit is reached.
 */
export function createProject(
  scope: WorkspaceScope,
  input: Pick<z.output<typeof createProjectInput>, "name" | "description">,
) {
  const workspaceId = scope.workspace.id;
  return db.$transaction(async (tx) => {
    await assertEntitlement(tx, workspaceId, "maxProjects");
    const project = await tx.project.create({
      data: {
        workspaceId,
        ownerId: scope.actorId,
        name: input.name,
        description: input.description,
      },
      select: projectFields,
    });
    await recordAudit(tx, {
      workspaceId,
      actorId: scope.actorId,
      action: "project.created",
      targetType: "project",
      targetId: project.id,
      metadata: { name: project.name },
    });
    return project;
  });
}

/** The project `id` of the scope's workspace, inside `tx`. @throws DomainError NOT_FOUND. */
async function findProject(tx: Prisma.TransactionClient, scope: WorkspaceScope, id: string) {
  const project = await tx.project.findFirst({ where: { id, workspaceId: scope.workspace.id } });
  if (!project) throw new DomainError("NOT_FOUND", "Project not found.");
  return project;
}

/**
 * Changes a project's name, description or status. Audited as "project.archived" or
 * "project.restored" when it enters or leaves the archive, else "project.updated" (with the
 * fields changed).
 * @throws DomainError NOT_FOUND when the workspace has no such project.
 */
export function updateProject(
  scope: WorkspaceScope,
  input: Omit<z.output<typeof updateProjectInput>, "workspaceSlug">,
) {
  const { projectId, ...changes } = input;
  return db.$transaction(async (tx) => {
    const before = await findProject(tx, scope, projectId);
    const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter(
      (key) => changes[key] !== undefined && changes[key] !== before[key],
    );
    if (changed.length === 0) {
      return tx.project.findUniqueOrThrow({ where: { id: before.id }, select: projectFields });
    }
    // Scoped and counted: a concurrent delete makes this NOT_FOUND, not a 500.
    const { count } = await tx.project.updateMany({
      where: { id: before.id, workspaceId: scope.workspace.id },
      data: changes,
    });
    if (count === 0) throw new DomainError("NOT_FOUND", "Project not found.");
    const project = await tx.project.findUniqueOrThrow({
      where: { id: before.id },
      select: projectFields,
    });
    const action =
      changes.status === "archived" && before.status !== "archived"
        ? "project.archived"
        : before.status === "archived" && changes.status && changes.status !== "archived"
          ? "project.restored"
          : "project.updated";
    await recordAudit(tx, {
      workspaceId: scope.workspace.id,
      actorId: scope.actorId,
      action,
      targetType: "project",
      targetId: project.id,
      metadata: { name: project.name, changed },
    });
    return project;
  });
}

/**
 * Deletes a project of the workspace.
 * @throws DomainError NOT_FOUND when the workspace has no such project.
 */
export function deleteProject(scope: WorkspaceScope, projectId: string) {
  return db.$transaction(async (tx) => {
    const project = await findProject(tx, scope, projectId);
    // Counted: of two concurrent deletes, the second answers NOT_FOUND, not a 500.
    const { count } = await tx.project.deleteMany({
      where: { id: project.id, workspaceId: scope.workspace.id },
    });
    if (count === 0) throw new DomainError("NOT_FOUND", "Project not found.");
    await recordAudit(tx, {
      workspaceId: scope.workspace.id,
      actorId: scope.actorId,
      action: "project.deleted",
      targetType: "project",
      targetId: project.id,
      metadata: { name: project.name },
    });
    return { id: project.id };
  });
}
