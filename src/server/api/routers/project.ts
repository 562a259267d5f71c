import { createProjectInput, projectIdInput } from "@/schemas/project";
import { workspaceInput } from "@/schemas/workspace";
import {
  createTRPCRouter,
  requireEntitlement,
  scopeOf,
  workspaceProcedure,
} from "@/server/api/init";
import { createProject, deleteProject, listProjects } from "@/server/services/projects";

/** A workspace's projects: the example resource, limited by the plan. */
export const projectRouter = createTRPCRouter({
  list: workspaceProcedure()
    .input(workspaceInput)
    .query(({ ctx }) => listProjects(scopeOf(ctx))),

  /** PAYMENT_REQUIRED with `data.upgrade` when the plan's project limit is reached. */
  create: workspaceProcedure("projects:write")
    .input(createProjectInput)
    .use(requireEntitlement("maxProjects"))
    .mutation(({ ctx, input }) => createProject(scopeOf(ctx), input)),

  delete: workspaceProcedure("projects:write")
    .input(projectIdInput)
    .mutation(({ ctx, input }) => deleteProject(scopeOf(ctx), input.projectId)),
});
