import { removeMemberInput, updateMemberRoleInput, workspaceInput } from "@/schemas/workspace";
import { createTRPCRouter, workspaceProcedure } from "@/server/api/init";
import { listMembers, removeMember, updateMemberRole } from "@/server/services/members";

/** The members of a workspace. */
export const memberRouter = createTRPCRouter({
  list: workspaceProcedure()
    .input(workspaceInput)
    .query(({ ctx }) => listMembers(ctx.scope)),

  updateRole: workspaceProcedure("members:manage")
    .input(updateMemberRoleInput)
    .mutation(({ ctx, input }) => updateMemberRole(ctx.scope, input.userId, input.role)),

  remove: workspaceProcedure("members:manage")
    .input(removeMemberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.scope, input.userId)),
});
