/**
 * Projects: the example workspace resource, counted against the plan's `maxProjects`. Every query
 * is scoped by the workspace id; every change is audited in its transaction.
 */
import "server-only";
import type { z } from "zod";
import type { createProjectInput } from "@/schemas/project";
import { assertEntitlement } from "@/server/billing/entitlements";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit";
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

/** The workspace's projects, newest first, at most 100. */
export function listProjects(scope: WorkspaceScope) {
  return db.project.findMany({
    where: { workspaceId: scope.workspace.id },
    select: projectFields,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
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

/**
 * Deletes a project of the workspace.
 * @throws DomainError NOT_FOUND when the workspace has no such project.
 */
export function deleteProject(scope: WorkspaceScope, projectId: string) {
  const workspaceId = scope.workspace.id;
  return db.$transaction(async (tx) => {
    const project = await tx.project.findFirst({ where: { id: projectId, workspaceId } });
    if (!project) throw new DomainError("NOT_FOUND", "Project not found.");
    await tx.project.delete({ where: { id: project.id } });
    await recordAudit(tx, {
      workspaceId,
      actorId: scope.actorId,
      action: "project.deleted",
      targetType: "project",
      targetId: project.id,
      metadata: { name: project.name },
    });
    return { id: project.id };
  });
}
