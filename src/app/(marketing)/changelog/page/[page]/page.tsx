import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageParam } from "@/server/content/public";
import { PostIndex } from "../../../blog/post-index";
import { publicPageMetadata } from "../../../metadata";

export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({
  params,
}: PageProps<"/changelog/page/[page]">): Promise<Metadata> {
  const { page } = await params;
  return publicPageMetadata({ path: `/changelog/page/${page}`, title: `Changelog · page ${page}` });
}

export default async function ChangelogPageN({ params }: PageProps<"/changelog/page/[page]">) {
  const page = pageParam((await params).page);
  if (!page) notFound();
  return <PostIndex kind="changelog" page={page} />;
}
