import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SLUG_PATTERN } from "@/schemas/post";
import { pageParam } from "@/server/content/public";
import { publicPageMetadata } from "../../../../../metadata";
import { PostIndex } from "../../../../post-index";

export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({
  params,
}: PageProps<"/blog/tags/[tag]/page/[page]">): Promise<Metadata> {
  const { tag, page } = await params;
  return publicPageMetadata({
    path: `/blog/tags/${tag}/page/${page}`,
    title: `#${tag} · page ${page}`,
  });
}

export default async function TagPageN({ params }: PageProps<"/blog/tags/[tag]/page/[page]">) {
  const { tag, page: raw } = await params;
  const page = pageParam(raw);
  if (!page || !SLUG_PATTERN.test(tag) || tag.length > 40) notFound();
  return <PostIndex kind="blog" page={page} tag={tag} />;
}
