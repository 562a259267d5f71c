import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageParam } from "@/server/content/public";
import { publicPageMetadata } from "../../../metadata";
import { PostIndex } from "../../post-index";

export const revalidate = 60;

/** Rendered on first request, then cached (the build has no database). */
export function generateStaticParams() {
  return [];
}

/** Page 1 is the list's own URL (/blog, rewritten here in next.config.mjs). */
export async function generateMetadata({
  params,
}: PageProps<"/blog/page/[page]">): Promise<Metadata> {
  const { page } = await params;
  const description = "Guides, product news and how we build.";
  return page === "1"
    ? publicPageMetadata({ path: "/blog", title: "Blog", description })
    : publicPageMetadata({ path: `/blog/page/${page}`, title: `Blog · page ${page}`, description });
}

export default async function BlogPageN({ params }: PageProps<"/blog/page/[page]">) {
  const page = pageParam((await params).page);
  if (!page) notFound();
  return <PostIndex kind="blog" page={page} />;
}
