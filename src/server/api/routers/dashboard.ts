import { workspaceInput } from "@/schemas/workspace";
import { createTRPCRouter, workspaceProcedure } from "@/server/api/init";
import { getOverview } from "@/server/services/dashboard";

/** The workspace dashboard. */
export const dashboardRouter = createTRPCRouter({
  /** KPIs, activity per day (30 days) and recent activity of the workspace. */
  overview: workspaceProcedure()
    .input(workspaceInput)
    .query(({ ctx }) => getOverview(ctx.scope)),
});
