import { listActivityInput } from "@/schemas/activity";
import { workspaceInput } from "@/schemas/workspace";
import { createTRPCRouter, workspaceProcedure } from "@/server/api/init";
import { listActivity, listActivityFilters } from "@/server/services/activity";

/** A workspace's activity log (its audit entries), readable by every member. */
export const activityRouter = createTRPCRouter({
  /** One page, newest first: `{ items, nextCursor }`; filters and cursor in the input. */
  list: workspaceProcedure()
    .input(listActivityInput)
    .query(({ ctx, input }) => listActivity(ctx.scope, input)),

  /** The filter choices: `{ actors: { id, name }[], actions: string[] }`. */
  filters: workspaceProcedure()
    .input(workspaceInput)
    .query(({ ctx }) => listActivityFilters(ctx.scope)),
});
