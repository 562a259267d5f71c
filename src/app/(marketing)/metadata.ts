/**
 * Metadata of a public (indexable) page: its canonical URL and Open Graph card, absolute on the
 * runtime APP_URL (the root layout's `metadataBase`), under the runtime brand name.
 */
import type { Metadata } from "next";
import { getBrand } from "@/server/brand";

/**
 * The page at `path` (e.g. "/pricing"): `title` (none: the brand's default title) and
 * `description` also fill its Open Graph card.
 */
export function publicPageMetadata({
  path,
  title,
  description,
}: {
  path: string;
  title?: string;
  description?: string;
}): Metadata {
  const brand = getBrand();
  return {
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    alternates: { canonical: path },
    openGraph: {
      type: "website",
      url: path,
      siteName: brand.name,
      title: title ? `${title} · ${brand.name}` : brand.name,
      ...(description ? { description } : {}),
    },
  };
}
