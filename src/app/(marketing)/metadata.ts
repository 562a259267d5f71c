/**
 * Metadata of a public (indexable) page, so each page states only what differs: its title,
 * description and path. It adds the canonical URL, the Open Graph card and the Twitter card, all
 * absolute on the runtime APP_URL (the root layout's `metadataBase`), under the runtime brand
 * name. The card's image comes from the page's `opengraph-image.tsx` (src/server/seo/og-image.tsx),
 * which Next adds to both cards.
 */
import type { Metadata } from "next";
import { BRAND_TAGLINE, getBrand } from "@/server/brand";

/**
 * The page at `path` (e.g. "/pricing", always starting with "/"). `title` (none: the brand's
 * default title, for the landing) goes through the root layout's "%s · <brand>" template;
 * `description` (none: the brand's tagline) is the meta description and both cards' text.
 */
export function publicPageMetadata({
  path,
  title,
  description = BRAND_TAGLINE,
}: {
  path: string;
  title?: string;
  description?: string;
}): Metadata {
  const brand = getBrand();
  // The cards are not filled by the title template: they say the brand themselves.
  const cardTitle = title ? `${title} · ${brand.name}` : brand.name;
  return {
    ...(title ? { title } : {}),
    description,
    alternates: { canonical: path },
    openGraph: {
      type: "website",
      url: path,
      siteName: brand.name,
      locale: "en_US",
      title: cardTitle,
      description,
    },
    twitter: { card: "summary_large_image", title: cardTitle, description },
  };
}
