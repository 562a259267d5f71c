/**
 * What wraps every page inside the root layout, in two forms. The root layout itself reads no
 * request, so that the public pages can be prerendered (see src/server/http/public-pages.ts):
 *
 * - `StaticPageRoot` (public pages, served from cache): next-themes' provider without a nonce; its
 *   inline script is allowed by its hash, which the cache handler puts in the page's CSP
 *   (src/server/http/public-page-cache.mjs). No request id or environment `<meta>`: the HTML is
 *   shared by every visitor. The toaster, for the toasts that lead here ("You are signed out.").
 * - `DynamicPageRoot` (the signed-in app, auth pages, admin, the 404): rendered per request, its
 *   theme script carries the request's CSP nonce (src/proxy.ts), and the request id and APP_ENV
 *   are in `<meta>` tags (React hoists them into the head) for the browser's error reports
 *   (src/error-reporting/client.ts). It also mounts the toaster, which forms need.
 */
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { LazyToaster } from "@/components/lazy-toaster";
import { ThemeProvider } from "@/components/theme-provider";
import { env } from "@/env";
import { deploymentOf } from "@/env-schema";

/** The root of a prerendered public page. */
export function StaticPageRoot({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider>
      {children}
      <LazyToaster />
    </ThemeProvider>
  );
}

/** The root of a page rendered per request. */
export async function DynamicPageRoot({ children }: { children: ReactNode }) {
  const requestHeaders = await headers();
  const nonce = requestHeaders.get("x-nonce") ?? undefined;
  const requestId = requestHeaders.get("x-request-id");
  return (
    <>
      {requestId ? <meta name="x-request-id" content={requestId} /> : null}
      <meta name="app-env" content={deploymentOf(env)} />
      <ThemeProvider nonce={nonce}>
        {children}
        <LazyToaster />
      </ThemeProvider>
    </>
  );
}
