/** A post's Open Graph image: its kind and title (a 404 for an unknown or unpublished slug). */
import { notFound } from "next/navigation";
import { findPublicPost } from "@/server/content/posts";
import { OG_IMAGE_CONTENT_TYPE, OG_IMAGE_SIZE, renderOgImage } from "@/server/seo/og-image";

export const size = OG_IMAGE_SIZE;
export const contentType = OG_IMAGE_CONTENT_TYPE;
export const alt = "The post's title";

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const found = await findPublicPost((await params).slug);
  if (!found || "redirectTo" in found) notFound();
  const { kind, title } = found.post;
  return renderOgImage({ eyebrow: kind === "changelog" ? "Changelog" : "Blog", title });
}
