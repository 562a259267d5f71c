import { exportIdInput, exportWorkspaceInput } from "@/schemas/export";
import { createTRPCRouter, workspaceProcedure } from "@/server/api/init";
import { listExports, requestExport, retryExport } from "@/server/services/exports";

/** CSV exports of a workspace (projects and activity), built in the background. */
export const exportRouter = createTRPCRouter({
  /**
   * Starts an export; members may export. PAYMENT_REQUIRED with `data.upgrade` on a plan without
   * CSV export; CONFLICT while another export of the workspace is running.
   */
  request: workspaceProcedure("projects:write")
    .input(exportWorkspaceInput)
    .mutation(({ ctx }) => requestExport(ctx.scope)),

  /** The newest exports with status and progress (0-100), without their content. */
  list: workspaceProcedure()
    .input(exportWorkspaceInput)
    .query(({ ctx }) => listExports(ctx.scope)),

  /** Runs a failed export again; CONFLICT for any other status. */
  retry: workspaceProcedure("projects:write")
    .input(exportIdInput)
    .mutation(({ ctx, input }) => retryExport(ctx.scope, input.exportId)),
});
