import { workspaceInput } from "@/schemas/workspace";
import { createTRPCRouter, protectedProcedure, workspaceProcedure } from "@/server/api/init";
import { dismissChecklist, getChecklist } from "@/server/services/onboarding";

/** The first-run checklist of the workspace overview. */
export const onboardingRouter = createTRPCRouter({
  /** `{ dismissed, steps: { createProject, inviteTeammate, choosePlan } }` for the caller. */
  checklist: workspaceProcedure()
    .input(workspaceInput)
    .query(({ ctx }) => getChecklist(ctx.scope, ctx.auth.user.checklistDismissedAt)),

  /** Hides the checklist for the caller, in every workspace. */
  dismissChecklist: protectedProcedure.mutation(({ ctx }) => dismissChecklist(ctx.auth.user.id)),
});
