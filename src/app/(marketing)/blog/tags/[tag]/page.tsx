import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SLUG_PATTERN } from "@/schemas/post";
import { publicPageMetadata } from "../../../metadata";
import { PostIndex } from "../../post-index";

export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({
  params,
}: PageProps<"/blog/tags/[tag]">): Promise<Metadata> {
  const { tag } = await params;
  return publicPageMetadata({
    path: `/blog/tags/${tag}`,
    title: `#${tag}`,
    description: `Posts tagged #${tag}.`,
  });
}

/** One tag's posts (first page; a tag rarely holds more than a page). Unknown tags are a 404. */
export default async function TagPage({ params }: PageProps<"/blog/tags/[tag]">) {
  const { tag } = await params;
  if (!SLUG_PATTERN.test(tag) || tag.length > 40) notFound();
  return <PostIndex kind="blog" page={1} tag={tag} />;
}
