/**
 * The blog's RSS 2.0 feed (`feed` package): the 20 newest public blog posts with their rendered
 * HTML.
 */
import { Feed } from "feed";
import { getBrand } from "@/server/brand";
import { renderMarkdown } from "@/server/content/markdown";
import { listAllPublicPosts, publicDate } from "@/server/content/posts";
import { absoluteUrl } from "@/server/content/public";

// Rendered per request for now: a build-time prerender would need the database, which the build
// does not have. The response is shared-cacheable for 60 s (PUBLIC_REVALIDATE_SECONDS).
export const dynamic = "force-dynamic";

/** Items in the feed. */
const FEED_ITEMS = 20;

export async function GET() {
  const brand = getBrand();
  const posts = (await listAllPublicPosts("blog")).slice(0, FEED_ITEMS);
  const feed = new Feed({
    title: `${brand.name} blog`,
    description: "Guides, product news and how we build.",
    id: absoluteUrl("/blog"),
    link: absoluteUrl("/blog"),
    language: "en",
    copyright: `© ${new Date().getUTCFullYear()} ${brand.name}`,
    updated: posts[0] ? posts[0].updatedAt : undefined,
    feedLinks: { rss: absoluteUrl("/blog/rss.xml") },
  });
  for (const post of posts) {
    const url = absoluteUrl(`/blog/${post.slug}`);
    feed.addItem({
      title: post.title,
      id: url,
      link: url,
      description: post.excerpt,
      content: await renderMarkdown(post.body),
      date: publicDate(post),
      category: post.tags.map((tag) => ({ name: tag })),
      ...(post.author ? { author: [{ name: post.author.name }] } : {}),
    });
  }
  return new Response(feed.rss2(), {
    headers: {
      "Content-Type": "application/rss+xml; charset=utf-8",
      "Cache-Control": "public, s-maxage=60, stale-while-revalidate=300",
    },
  });
}
