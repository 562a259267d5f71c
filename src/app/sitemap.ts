/**
 * /sitemap.xml: the public pages (landing, pricing, each plan's page, legal, blog, changelog), every public post
 * and blog tag, with `lastModified`; absolute URLs on APP_URL. Never lists drafts, scheduled
 * posts not yet due or archived posts (the post service's visibility rule).
 */
import type { MetadataRoute } from "next";
import { listPlans } from "@/server/billing/catalogue";
import { listAllPublicPosts, listPublicTags } from "@/server/content/posts";
import { absoluteUrl } from "@/server/content/public";

// Rendered per request for now: a build-time prerender would need the database, which the build
// does not have. The response is shared-cacheable for 60 s (PUBLIC_REVALIDATE_SECONDS).
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [posts, tags] = await Promise.all([listAllPublicPosts(), listPublicTags()]);
  const latest = (kind: "blog" | "changelog") =>
    posts.find((post) => post.kind === kind)?.updatedAt;
  const newest = posts.reduce<Date | undefined>(
    (max, post) => (!max || post.updatedAt > max ? post.updatedAt : max),
    undefined,
  );
  return [
    { url: absoluteUrl("/"), lastModified: newest, changeFrequency: "weekly", priority: 1 },
    { url: absoluteUrl("/pricing"), changeFrequency: "monthly", priority: 0.9 },
    ...listPlans().map((plan) => ({
      url: absoluteUrl(`/pricing/${plan.slug}`),
      changeFrequency: "monthly" as const,
      priority: 0.8,
    })),
    { url: absoluteUrl("/terms"), changeFrequency: "yearly", priority: 0.2 },
    { url: absoluteUrl("/privacy"), changeFrequency: "yearly", priority: 0.2 },
    {
      url: absoluteUrl("/blog"),
      lastModified: latest("blog"),
      changeFrequency: "daily",
      priority: 0.8,
    },
    {
      url: absoluteUrl("/changelog"),
      lastModified: latest("changelog"),
      changeFrequency: "weekly",
      priority: 0.6,
    },
    ...posts.map((post) => ({
      url: absoluteUrl(`/blog/${post.slug}`),
      lastModified: post.updatedAt,
      changeFrequency: "monthly" as const,
      priority: 0.7,
    })),
    ...tags.map(({ tag, updatedAt }) => ({
      url: absoluteUrl(`/blog/tags/${tag}`),
      lastModified: updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.4,
    })),
  ];
}
