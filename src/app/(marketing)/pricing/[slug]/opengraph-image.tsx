/** A plan page's Open Graph image: the plan's name and description (a 404 for unknown slugs). */
import { notFound } from "next/navigation";
import { getPlanBySlug } from "@/server/billing/catalogue";
import { DomainError } from "@/server/errors";
import { planSlugSchema } from "@/schemas/plan";
import { OG_IMAGE_CONTENT_TYPE, OG_IMAGE_SIZE, renderOgImage } from "@/server/seo/og-image";

export const size = OG_IMAGE_SIZE;
export const contentType = OG_IMAGE_CONTENT_TYPE;
export const alt = "The plan's name and what it is for";

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!planSlugSchema.safeParse(slug).success) notFound();
  try {
    const plan = getPlanBySlug(slug);
    return renderOgImage({ eyebrow: `${plan.name} plan`, title: plan.description });
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
