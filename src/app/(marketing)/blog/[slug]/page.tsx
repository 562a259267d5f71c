/**
 * A public post (blog or changelog entry) at /blog/<slug>: its rendered Markdown, metadata
 * (canonical, Open Graph article with dates, Twitter card) and JSON-LD (`BlogPosting`,
 * `BreadcrumbList`). An old slug redirects 308 to the current one; drafts, future scheduled and
 * archived posts are a 404 (editors preview them at /admin/posts/<id>/preview). Cached (ISR).
 */
import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import type { BlogPosting } from "schema-dts";
import { JsonLd } from "@/components/seo/json-ld";
import { PostBody } from "@/components/content/post-body";
import { PostDate, TagLink } from "@/components/content/post-list";
import { SLUG_PATTERN } from "@/schemas/post";
import { getBrand } from "@/server/brand";
import { renderMarkdown } from "@/server/content/markdown";
import { findPublicPost, publicDate } from "@/server/content/posts";
import { absoluteUrl } from "@/server/content/public";
import { breadcrumbJsonLd } from "@/server/seo/structured-data";
import { env } from "@/env";

export const revalidate = 60;

/** Rendered on first request, then cached (the build has no database). */
export function generateStaticParams() {
  return [];
}

/** The post of `slug` once per render (metadata and page share it); redirects an old slug. */
const loadPost = cache(async (slug: string) => {
  if (!SLUG_PATTERN.test(slug) || slug.length > 100) notFound();
  const found = await findPublicPost(slug);
  if (!found) notFound();
  if ("redirectTo" in found) permanentRedirect(`/blog/${found.redirectTo}` as Route);
  return found.post;
});

export async function generateMetadata({ params }: PageProps<"/blog/[slug]">): Promise<Metadata> {
  const post = await loadPost((await params).slug);
  const path = `/blog/${post.slug}`;
  return {
    title: post.title,
    description: post.excerpt,
    alternates: { canonical: path },
    authors: post.author ? [{ name: post.author.name }] : undefined,
    openGraph: {
      type: "article",
      url: path,
      siteName: getBrand().name,
      title: post.title,
      description: post.excerpt,
      publishedTime: publicDate(post).toISOString(),
      modifiedTime: post.updatedAt.toISOString(),
      authors: post.author ? [post.author.name] : undefined,
      tags: post.tags,
      ...(post.coverImageUrl ? { images: [post.coverImageUrl] } : {}),
    },
    twitter: { card: "summary_large_image", title: post.title, description: post.excerpt },
  };
}

export default async function PostPage({ params }: PageProps<"/blog/[slug]">) {
  const post = await loadPost((await params).slug);
  const html = await renderMarkdown(post.body);
  const url = absoluteUrl(`/blog/${post.slug}`);
  const published = publicDate(post);
  const section =
    post.kind === "blog"
      ? { name: "Blog", path: "/blog" }
      : { name: "Changelog", path: "/changelog" };
  const posting: BlogPosting = {
    "@type": "BlogPosting",
    headline: post.title,
    description: post.excerpt,
    url,
    mainEntityOfPage: url,
    datePublished: published.toISOString(),
    dateModified: post.updatedAt.toISOString(),
    keywords: post.tags.join(", "),
    ...(post.coverImageUrl ? { image: new URL(post.coverImageUrl, url).toString() } : {}),
    ...(post.author ? { author: { "@type": "Person", name: post.author.name } } : {}),
    publisher: { "@type": "Organization", name: getBrand().name, url: absoluteUrl("/") },
  };
  const breadcrumbs = breadcrumbJsonLd({
    siteUrl: env.APP_URL,
    items: [{ name: "Home", path: "/" }, section, { name: post.title, path: `/blog/${post.slug}` }],
  });
  return (
    <article className="mx-auto max-w-3xl space-y-8">
      <JsonLd data={{ "@context": "https://schema.org", ...posting }} />
      <JsonLd data={breadcrumbs} />
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link
          href={section.path as Route}
          className="font-medium text-indigo-600 underline-offset-4 hover:underline dark:text-indigo-400"
        >
          ← {section.name}
        </Link>
      </nav>
      <header className="space-y-4">
        <h1 className="text-4xl font-bold tracking-tight text-balance">{post.title}</h1>
        <p className="text-lg text-zinc-600 dark:text-zinc-400">{post.excerpt}</p>
        <div className="flex flex-wrap items-center gap-3 text-sm text-zinc-600 dark:text-zinc-400">
          {post.author && (
            <span className="flex items-center gap-2">
              <span
                aria-hidden="true"
                className="flex size-8 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-800 dark:bg-indigo-950 dark:text-indigo-300"
              >
                {initials(post.author.name)}
              </span>
              {post.author.name}
            </span>
          )}
          <PostDate date={published} />
        </div>
        {post.tags.length > 0 && (
          <ul className="flex flex-wrap gap-2" aria-label="Tags">
            {post.tags.map((tag) => (
              <li key={tag}>
                <TagLink tag={tag} linked={post.kind === "blog"} />
              </li>
            ))}
          </ul>
        )}
      </header>
      <PostBody html={html} />
    </article>
  );
}

/** "AL" for "Ada Lovelace": the author's avatar until avatars exist. */
function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (
    ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() ||
    "?"
  );
}
