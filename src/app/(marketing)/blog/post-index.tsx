/**
 * The public post lists: /blog, /blog/page/<n>, /blog/tags/<tag>, /changelog, /changelog/page/<n>.
 * Cacheable: only the path decides what they show (ISR, PUBLIC_REVALIDATE_SECONDS; revalidated
 * on publish from the app). Unknown pages are Next's 404.
 */
import type { Route } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageLinks, PostList } from "@/components/content/post-list";
import type { PostKind } from "@/schemas/constants";
import { publicListPage } from "@/server/content/public";

const INTRO: Record<PostKind, { title: string; lead: string; base: string; empty: string }> = {
  blog: {
    title: "Blog",
    lead: "Guides, product news and how we build.",
    base: "/blog",
    empty: "No posts yet. Check back soon.",
  },
  changelog: {
    title: "Changelog",
    lead: "Every improvement and fix, newest first.",
    base: "/changelog",
    empty: "No changelog entries yet.",
  },
};

export async function PostIndex({
  kind,
  page,
  tag,
}: {
  kind: PostKind;
  page: number;
  tag?: string;
}) {
  const result = await publicListPage(kind, page, tag);
  if (!result || (tag && result.posts.length === 0)) notFound();
  const intro = INTRO[kind];
  return (
    <div className="mx-auto max-w-3xl space-y-10">
      <header className="space-y-3">
        {tag && (
          <p className="text-sm">
            <Link
              href={"/blog" as Route}
              className="font-medium text-indigo-600 underline-offset-4 hover:underline dark:text-indigo-400"
            >
              ← All posts
            </Link>
          </p>
        )}
        <h1 className="text-4xl font-bold tracking-tight">
          {tag ? `Posts tagged #${tag}` : intro.title}
        </h1>
        {!tag && <p className="text-lg text-zinc-600 dark:text-zinc-400">{intro.lead}</p>}
        {kind === "blog" && !tag && (
          <p className="text-sm">
            <a
              href="/blog/rss.xml"
              className="font-medium text-indigo-600 underline-offset-4 hover:underline dark:text-indigo-400"
            >
              RSS feed
            </a>
          </p>
        )}
      </header>
      <PostList posts={result.posts} empty={intro.empty} tagPages={kind === "blog"} />
      <PageLinks
        base={tag ? `/blog/tags/${tag}` : intro.base}
        page={result.page}
        pageCount={result.pageCount}
      />
    </div>
  );
}
