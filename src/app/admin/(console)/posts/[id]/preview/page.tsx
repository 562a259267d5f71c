/**
 * An editor's preview of any post, whatever its status (drafts and scheduled posts included):
 * rendered per request behind the staff check, never through the cached public route.
 */
import type { Route } from "next";
import Link from "next/link";
import { PostStatusBadge } from "@/components/admin/post-status";
import { PostBody } from "@/components/content/post-body";
import { renderMarkdown } from "@/server/content/markdown";
import { editorMetadata, requirePost } from "../../../../server";

export const generateMetadata = editorMetadata({ title: "Preview" });

export default async function PostPreviewPage({ params }: PageProps<"/admin/posts/[id]/preview">) {
  const post = await requirePost((await params).id);
  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <div className="flex flex-wrap items-center gap-3 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
        <span>Preview</span>
        <PostStatusBadge status={post.status} publishAt={post.publishAt} />
        <Link
          href={`/admin/posts/${post.id}` as Route}
          className="font-medium underline underline-offset-4"
        >
          Back to the editor
        </Link>
      </div>
      <h1 className="text-4xl font-bold tracking-tight text-balance">{post.title}</h1>
      <p className="text-lg text-zinc-600 dark:text-zinc-400">{post.excerpt}</p>
      <PostBody html={await renderMarkdown(post.body)} />
    </article>
  );
}
