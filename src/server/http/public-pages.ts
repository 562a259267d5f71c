/**
 * The public pages served from cache: prerendered at build time or regenerated in the background
 * (ISR), never rendered per visitor. The one list of them, read by the proxy (which gives them
 * no per-request nonce: their CSP comes with the cached HTML, src/server/http/public-page-cache.mjs)
 * and by the bench (tools/bench/scenarios.ts). No `server-only`: the proxy imports it.
 *
 * To serve another page from cache (e.g. `/blog/<slug>`): make it static (no cookies, headers or
 * session; src/app/(marketing)/layout.tsx sets `revalidate`), add its pattern here, and its bench path to PUBLIC_PAGE_BENCH_PATHS.
 */
import { PLAN_LIST } from "@/server/billing/plans";

/**
 * Path patterns of the public pages. A path listed here must be served from the cache (its
 * answer's CSP comes from the cache handler); a path that is not gets the nonce CSP.
 */
const PUBLIC_PAGE_PATTERNS: readonly RegExp[] = [
  /^\/$/,
  /^\/pricing$/,
  /^\/pricing\/[a-z0-9-]+$/,
  /^\/(terms|privacy)$/,
  // The post lists and posts (src/app/(marketing)/blog, changelog): ISR, rendered on first request.
  /^\/(blog|changelog)(\/page\/\d+)?$/,
  /^\/blog\/tags\/[^/]+(\/page\/\d+)?$/,
  /^\/blog\/(?!rss\.xml$|tags$|page$)[^/]+$/,
];

/**
 * True when `pathname` is a public page served from cache. `/pricing/<slug>` only for a plan of
 * the catalogue: another slug is a 404, which is rendered per request (with the nonce CSP).
 */
export function isPublicPage(pathname: string): boolean {
  if (!PUBLIC_PAGE_PATTERNS.some((pattern) => pattern.test(pathname))) return false;
  const slug = /^\/pricing\/(.+)$/.exec(pathname)?.[1];
  return slug === undefined || PLAN_LIST.some((plan) => plan.slug === slug);
}

/** The public pages the bench measures (server CPU per request, Lighthouse). */
export const PUBLIC_PAGE_BENCH_PATHS: readonly string[] = ["/", "/pricing", "/blog/welcome"];
