import {
  createImportInput,
  importIdInput,
  listImportsInput,
  previewImportInput,
  startImportInput,
} from "@/schemas/project-import";
import { createTRPCRouter, workspaceProcedure } from "@/server/api/init";
import {
  createImport,
  getImport,
  listImports,
  previewImport,
  startImport,
} from "@/server/imports/projects";

/** CSV imports of projects: upload or paste, map and preview, then a background job imports. */
export const projectImportRouter = createTRPCRouter({
  /** A draft import: a presigned upload for a file, or the pasted text stored. Writers only. */
  create: workspaceProcedure("projects:write")
    .input(createImportInput)
    .mutation(({ ctx, input }) => createImport(ctx.scope, input.source)),

  /** The header, delimiter, mapping and first rows with their errors by field. */
  preview: workspaceProcedure("projects:write")
    .input(previewImportInput)
    .query(({ ctx, input }) => previewImport(ctx.scope, input)),

  /** Starts the import job with the chosen delimiter and mapping; CONFLICT once started. */
  start: workspaceProcedure("projects:write")
    .input(startImportInput)
    .mutation(({ ctx, input }) => startImport(ctx.scope, input)),

  /** One import: status, progress (done / total), summary, failed rows link. */
  get: workspaceProcedure()
    .input(importIdInput)
    .query(({ ctx, input }) => getImport(ctx.scope, input.importId)),

  /** The newest started imports. */
  list: workspaceProcedure()
    .input(listImportsInput)
    .query(({ ctx }) => listImports(ctx.scope)),
});
