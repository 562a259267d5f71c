import {
  createProjectInput,
  listProjectsInput,
  projectIdInput,
  updateProjectInput,
} from "@/schemas/project";
import { createTRPCRouter, requireEntitlement, workspaceProcedure } from "@/server/api/init";
import {
  createProject,
  deleteProject,
  listProjects,
  updateProject,
} from "@/server/services/projects";

/** A workspace's projects: the example resource, limited by the plan. */
export const projectRouter = createTRPCRouter({
  /** One page: `{ items, nextCursor }`; filters, sort and cursor in the input. */
  list: workspaceProcedure()
    .input(listProjectsInput)
    .query(({ ctx, input }) => listProjects(ctx.scope, input)),

  /** PAYMENT_REQUIRED with `data.upgrade` when the plan's project limit is reached. */
  create: workspaceProcedure("projects:write")
    .input(createProjectInput)
    .use(requireEntitlement("maxProjects"))
    .mutation(({ ctx, input }) => createProject(ctx.scope, input)),

  /** Rename, describe, pause, archive or restore. */
  update: workspaceProcedure("projects:write")
    .input(updateProjectInput)
    .mutation(({ ctx, input }) =>
      updateProject(ctx.scope, {
        projectId: input.projectId,
        name: input.name,
        description: input.description,
        status: input.status,
      }),
    ),

  delete: workspaceProcedure("projects:write")
    .input(projectIdInput)
    .mutation(({ ctx, input }) => deleteProject(ctx.scope, input.projectId)),
});
