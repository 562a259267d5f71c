import {
  createWorkspaceInput,
  deleteWorkspaceInput,
  renameWorkspaceInput,
  transferOwnershipInput,
  workspaceInput,
} from "@/schemas/workspace";
import { createTRPCRouter, protectedProcedure, workspaceProcedure } from "@/server/api/init";
import * as workspaces from "@/server/services/workspaces";

/** The user's workspaces, and the life cycle of one. */
export const workspaceRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => workspaces.listWorkspaces(ctx.auth.user.id)),

  create: protectedProcedure
    .input(createWorkspaceInput)
    .mutation(({ ctx, input }) => workspaces.createWorkspace(ctx.auth.user.id, input)),

  /** The workspace with the caller's role and permissions. */
  get: workspaceProcedure()
    .input(workspaceInput)
    .query(({ ctx }) => workspaces.getWorkspace(ctx.scope)),

  rename: workspaceProcedure("workspace:update")
    .input(renameWorkspaceInput)
    .mutation(({ ctx, input }) => workspaces.renameWorkspace(ctx.scope, input.name)),

  transferOwnership: workspaceProcedure("workspace:transfer")
    .input(transferOwnershipInput)
    .mutation(({ ctx, input }) => workspaces.transferOwnership(ctx.scope, input.userId)),

  delete: workspaceProcedure("workspace:delete")
    .input(deleteWorkspaceInput)
    .mutation(({ ctx, input }) => workspaces.deleteWorkspace(ctx.scope, input.confirmSlug)),

  leave: workspaceProcedure()
    .input(workspaceInput)
    .mutation(({ ctx }) => workspaces.leaveWorkspace(ctx.scope)),
});
