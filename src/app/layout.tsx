import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { ThemeProvider } from "@/components/theme-provider";
import { LazyToaster } from "@/components/lazy-toaster";
import { env } from "@/env";
import { deploymentOf } from "@/env-schema";
import { BRAND_TAGLINE, getBrand } from "@/server/brand";
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
    description: BRAND_TAGLINE,
    icons: { icon: "/favicon.svg" },
  };
}

/**
 * Every page is rendered per request: its scripts carry that request's CSP nonce (src/proxy.ts).
 * Its request id and APP_ENV are in `<meta>` tags (React puts them in the head), for the
 * browser's error reports (src/error-reporting/client.ts).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const requestHeaders = await headers();
  const nonce = requestHeaders.get("x-nonce") ?? undefined;
  const requestId = requestHeaders.get("x-request-id");
  return (
    // next-themes sets the theme's class (and color-scheme) on <html> before hydration.
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh">
        {requestId ? <meta name="x-request-id" content={requestId} /> : null}
        <meta name="app-env" content={deploymentOf(env)} />
        <ThemeProvider nonce={nonce}>
          {children}
          <LazyToaster />
        </ThemeProvider>
      </body>
    </html>
  );
}
