import type { Metadata } from "next";
import { publicPageMetadata } from "../metadata";
import { PostIndex } from "./post-index";

export const revalidate = 60; // PUBLIC_REVALIDATE_SECONDS (a literal: Next reads it statically)

export const metadata: Metadata = publicPageMetadata({
  path: "/blog",
  title: "Blog",
  description: "Guides, product news and how we build.",
});

export default function BlogPage() {
  return <PostIndex kind="blog" page={1} />;
}
