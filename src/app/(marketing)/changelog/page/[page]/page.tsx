import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageParam } from "@/server/content/public";
import { PostIndex } from "../../../blog/post-index";
import { publicPageMetadata } from "../../../metadata";

export const revalidate = 60;

/** Rendered on first request, then cached (the build has no database). */
export function generateStaticParams() {
  return [];
}

/** Page 1 is the list's own URL (/changelog, rewritten here in next.config.mjs). */
export async function generateMetadata({
  params,
}: PageProps<"/changelog/page/[page]">): Promise<Metadata> {
  const { page } = await params;
  const description = "Every improvement and fix, newest first.";
  return page === "1"
    ? publicPageMetadata({ path: "/changelog", title: "Changelog", description })
    : publicPageMetadata({
        path: `/changelog/page/${page}`,
        title: `Changelog · page ${page}`,
        description,
      });
}

export default async function ChangelogPageN({ params }: PageProps<"/changelog/page/[page]">) {
  const page = pageParam((await params).page);
  if (!page) notFound();
  return <PostIndex kind="changelog" page={page} />;
}
