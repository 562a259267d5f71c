/**
 * What the public content pages render, from the post service: summaries for the lists, and the
 * absolute URL helper (APP_URL) the feed, sitemap and JSON-LD share.
 */
import "server-only";
import { env } from "@/env";
import type { PostKind } from "@/schemas/constants";
import { listPublicPosts, publicDate } from "@/server/content/posts";
import type { PostSummary } from "@/components/content/post-list";

/** `path` ("/blog/x") as an absolute URL on APP_URL. */
export const absoluteUrl = (path: string) => new URL(path, env.APP_URL).toString();

/** A page (1-based) of a public list as the list component shows it; null when out of range. */
export async function publicListPage(kind: PostKind, page: number, tag?: string) {
  const result = await listPublicPosts({ kind, page, tag });
  if (page > result.pageCount) return null;
  const posts: PostSummary[] = result.items.map((post) => ({
    id: post.id,
    title: post.title,
    slug: post.slug,
    excerpt: post.excerpt,
    tags: post.tags,
    date: publicDate(post),
    authorName: post.author?.name ?? null,
  }));
  return { posts, page: result.page, pageCount: result.pageCount };
}

/**
 * A path segment as a page number ≥ 1, else null. Page 1 is served at the list's own path
 * (/blog, /changelog: next.config.mjs rewrites them to page 1, and redirects /…/page/1 there).
 */
export function pageParam(raw: string): number | null {
  if (!/^[1-9]\d{0,5}$/.test(raw)) return null;
  return Number(raw);
}
