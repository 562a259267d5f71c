/**
 * The blog and changelog editor's procedures (/admin/posts): every one is an `editorProcedure`
 * (anonymous → UNAUTHORIZED; signed in but neither editor nor admin → NOT_FOUND). Service:
 * src/server/content/posts.ts. A change that may alter public pages revalidates them.
 */
import "server-only";
import {
  postFieldsInput,
  postIdInput,
  postListInput,
  postPreviewInput,
  postScheduleInput,
  postUpdateInput,
} from "@/schemas/post";
import { editorProcedure } from "@/server/api/admin";
import { createTRPCRouter } from "@/server/api/init";
import { renderMarkdown } from "@/server/content/markdown";
import {
  archivePost,
  createPost,
  getPost,
  listPosts,
  publishPost,
  schedulePost,
  unpublishPost,
  updatePost,
} from "@/server/content/posts";
import { revalidatePublicContent } from "@/server/content/revalidate";
import { enqueue } from "@/server/jobs/queue";

/** Runs `change`, then refreshes the public pages. */
async function andRevalidate<T>(change: Promise<T>): Promise<T> {
  const result = await change;
  revalidatePublicContent();
  return result;
}

export const postRouter = createTRPCRouter({
  /** One page of posts, most recently changed first, filtered by kind, status and title/slug. */
  list: editorProcedure.input(postListInput).query(({ input }) => listPosts(input)),

  /** A post with its old slugs. NOT_FOUND for an unknown id. */
  get: editorProcedure.input(postIdInput).query(({ input }) => getPost(input.postId)),

  /** The sanitized HTML of a Markdown body: the same renderer as the public pages. */
  preview: editorProcedure
    .input(postPreviewInput)
    .query(async ({ input }) => ({ html: await renderMarkdown(input.body) })),

  /** Creates a draft authored by the caller. CONFLICT on "slug" when taken. */
  create: editorProcedure
    .input(postFieldsInput)
    .mutation(({ ctx, input }) => createPost(ctx.editorId, input)),

  /** Saves a post's fields; a new slug keeps the old one as a redirect. CONFLICT on "slug". */
  update: editorProcedure
    .input(postUpdateInput)
    .mutation(({ ctx, input }) => andRevalidate(updatePost(ctx.editorId, input))),

  /** Schedules a post for `publishAt` (future) and queues its publication then. */
  schedule: editorProcedure.input(postScheduleInput).mutation(async ({ ctx, input }) => {
    const post = await schedulePost(ctx.editorId, input.postId, input.publishAt);
    await enqueue("publish-posts", {}, { startAfter: input.publishAt });
    revalidatePublicContent();
    return post;
  }),

  /** Publishes a post now. */
  publish: editorProcedure
    .input(postIdInput)
    .mutation(({ ctx, input }) => andRevalidate(publishPost(ctx.editorId, input.postId))),

  /** Takes a post off the site (back to draft; cancels a schedule). */
  unpublish: editorProcedure
    .input(postIdInput)
    .mutation(({ ctx, input }) => andRevalidate(unpublishPost(ctx.editorId, input.postId))),

  /** Archives a post. */
  archive: editorProcedure
    .input(postIdInput)
    .mutation(({ ctx, input }) => andRevalidate(archivePost(ctx.editorId, input.postId))),
});
