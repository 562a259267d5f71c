import type { Metadata } from "next";
import type { ReactNode } from "react";
import { env } from "@/env";
import { BRAND_TAGLINE, getBrand } from "@/server/brand";
import "./globals.css";

/**
 * Read from the runtime environment: the brand's name in every title, and `metadataBase`
 * (APP_URL) making canonical and Open Graph URLs absolute. Pages rendered per request read it
 * then; prerendered public pages read it when they are (re)generated (src/server/http/public-pages.ts).
 */
export function generateMetadata(): Metadata {
  const brand = getBrand();
  return {
    metadataBase: new URL(env.APP_URL),
    applicationName: brand.name,
    title: { default: brand.name, template: `%s · ${brand.name}` },
    description: BRAND_TAGLINE,
    icons: { icon: "/favicon.svg" },
  };
}

/**
 * Reads no request (no headers, cookies or nonce), so that the public pages below it can be
 * prerendered. The theme provider, the toaster and the request `<meta>` tags live one level down,
 * in each route group's layout (src/components/page-root.tsx).
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // next-themes sets the theme's class (and color-scheme) on <html> before hydration.
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
