/**
 * Inputs of the export procedures (src/server/api/routers/export.ts).
 */
import * as z from "zod/mini";
import "@/schemas/locale";
import { workspaceInput } from "@/schemas/workspace";

/** `export.request` and `export.list`: the workspace only. */
export const exportWorkspaceInput = workspaceInput;

/** `export.retry`: one export of the workspace. */
export const exportIdInput = z.extend(workspaceInput, {
  exportId: z
    .string()
    .check(z.minLength(1, "Export is required."), z.maxLength(64, "Unknown export.")),
});
