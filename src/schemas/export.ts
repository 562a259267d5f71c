/**
 * Inputs of the export procedures (src/server/api/routers/export.ts).
 */
import { z } from "zod";
import { workspaceInput } from "@/schemas/workspace";

/** `export.request` and `export.list`: the workspace only. */
export const exportWorkspaceInput = workspaceInput;

/** `export.retry`: one export of the workspace. */
export const exportIdInput = workspaceInput.extend({
  exportId: z.string().min(1, "Export is required.").max(64, "Unknown export."),
});
