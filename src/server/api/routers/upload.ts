import {
  createAvatarUploadInput,
  createLogoUploadInput,
  removeLogoInput,
  uploadIdInput,
} from "@/schemas/upload";
import { createTRPCRouter, protectedProcedure, workspaceProcedure } from "@/server/api/init";
import {
  completeUpload,
  createPictureUpload,
  removePicture,
  uploadStatus,
} from "@/server/services/uploads";

/**
 * Uploads straight from the browser to object storage: a presigned POST, then `complete`, then
 * `status` polled while the picture is processed (src/server/services/uploads.ts).
 */
export const uploadRouter = createTRPCRouter({
  /** A presigned POST for the caller's avatar: `{ uploadId, url, fields }`. */
  createAvatar: protectedProcedure
    .input(createAvatarUploadInput)
    .mutation(({ ctx, input }) =>
      createPictureUpload({ userId: ctx.auth.user.id }, { purpose: "avatar" }, input),
    ),

  /**
   * A presigned POST for the workspace's logo (admins); PAYMENT_REQUIRED with `data.upgrade`
   * when it would exceed the plan's `storageBytes`.
   */
  createLogo: workspaceProcedure("workspace:update")
    .input(createLogoUploadInput)
    .mutation(({ ctx, input }) =>
      createPictureUpload(
        { userId: ctx.auth.user.id },
        { purpose: "logo", scope: ctx.scope },
        { fileName: input.fileName, contentType: input.contentType, size: input.size },
      ),
    ),

  /** The file is in storage: check it and start processing. Returns `{ id, status, error }`. */
  complete: protectedProcedure
    .input(uploadIdInput)
    .mutation(({ ctx, input }) => completeUpload({ userId: ctx.auth.user.id }, input.uploadId)),

  /** `{ id, status, error }` of one of the caller's uploads. */
  status: protectedProcedure
    .input(uploadIdInput)
    .query(({ ctx, input }) => uploadStatus({ userId: ctx.auth.user.id }, input.uploadId)),

  /** Back to initials: removes the caller's avatar. */
  removeAvatar: protectedProcedure.mutation(({ ctx }) =>
    removePicture({ purpose: "avatar", userId: ctx.auth.user.id }),
  ),

  /** Back to initials: removes the workspace's logo (admins). */
  removeLogo: workspaceProcedure("workspace:update")
    .input(removeLogoInput)
    .mutation(({ ctx }) => removePicture({ purpose: "logo", workspaceId: ctx.scope.workspace.id })),
});
