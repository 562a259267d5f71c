/** The landing page's Open Graph image (and the default of public pages without their own). */
import { OG_IMAGE_CONTENT_TYPE, OG_IMAGE_SIZE, renderOgImage } from "@/server/seo/og-image";
import { LANDING_HEADLINE } from "./landing-copy";

export const size = OG_IMAGE_SIZE;
export const contentType = OG_IMAGE_CONTENT_TYPE;
export const alt = LANDING_HEADLINE;

export default function Image() {
  return renderOgImage({ title: LANDING_HEADLINE });
}
