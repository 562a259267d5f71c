import type { Metadata } from "next";
import { PostIndex } from "../blog/post-index";
import { publicPageMetadata } from "../metadata";

export const revalidate = 60;

export const metadata: Metadata = publicPageMetadata({
  path: "/changelog",
  title: "Changelog",
  description: "Every improvement and fix, newest first.",
});

export default function ChangelogPage() {
  return <PostIndex kind="changelog" page={1} />;
}
