/** The pricing page's Open Graph image. */
import { OG_IMAGE_CONTENT_TYPE, OG_IMAGE_SIZE, renderOgImage } from "@/server/seo/og-image";
import { PRICING_DESCRIPTION } from "../landing-copy";

export const size = OG_IMAGE_SIZE;
export const contentType = OG_IMAGE_CONTENT_TYPE;
export const alt = `Pricing: ${PRICING_DESCRIPTION}`;

export default function Image() {
  return renderOgImage({ eyebrow: "Pricing", title: PRICING_DESCRIPTION });
}
