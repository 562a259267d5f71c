/**
 * /robots.txt: crawlers may read the public pages (landing, pricing, blog, changelog, legal) and
 * are pointed at the sitemap; the signed-in app, the auth flows, the admin console, the API and the
 * development pages are disallowed (those pages also say `noindex` in their layouts' metadata).
 * Absolute URLs on the runtime APP_URL.
 */
import type { MetadataRoute } from "next";
import { env } from "@/env";

/** Paths no crawler should fetch: prefixes as robots.txt reads them (RFC 9309). */
export const DISALLOWED_PATHS = [
  // The signed-in app.
  "/dashboard",
  "/settings",
  "/w/",
  // Auth flows.
  "/sign-in",
  "/sign-up",
  "/check-email",
  "/confirm-email-change",
  "/forgot-password",
  "/invite",
  "/reset-password",
  "/verify-email",
  // The admin console, the API and the development pages.
  "/admin",
  "/api/",
  "/dev/",
] as const;

// Read per request: the sitemap's URL is on the runtime APP_URL, not the build machine's.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: [...DISALLOWED_PATHS] },
    sitemap: new URL("/sitemap.xml", env.APP_URL).href,
  };
}
