import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { BRAND_NAME } from "@/brand";
import { ThemeProvider } from "@/components/theme-provider";
import { LazyToaster } from "@/components/lazy-toaster";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: BRAND_NAME, template: `%s · ${BRAND_NAME}` },
  description: "Launch your subscription product: typed end to end, payments included.",
  icons: { icon: "/favicon.svg" },
};

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
