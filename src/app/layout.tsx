import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { ThemeProvider } from "@/components/theme-provider";
import { LazyToaster } from "@/components/lazy-toaster";
import { env } from "@/env";
import { getBrand } from "@/server/brand";
import "./globals.css";

/**
 * Read per request from the runtime environment, never at build time: the brand's name in every
 * title, and `metadataBase` (APP_URL) making canonical and Open Graph URLs absolute.
 */
export function generateMetadata(): Metadata {
  const brand = getBrand();
  return {
    metadataBase: new URL(env.APP_URL),
    applicationName: brand.name,
    title: { default: brand.name, template: `%s · ${brand.name}` },
    description: "Launch your subscription product: typed end to end, payments included.",
    icons: { icon: "/favicon.svg" },
  };
}

/** Every page is rendered per request: its scripts carry that request's CSP nonce (src/proxy.ts). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // next-themes sets the theme's class (and color-scheme) on <html> before hydration.
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh">
        <ThemeProvider nonce={nonce}>
          {children}
          <LazyToaster />
        </ThemeProvider>
      </body>
    </html>
  );
}
