/**
 * Refreshes the cached public pages after a post changes from inside the web app (a procedure):
 * the post's page, /blog (all pages and tag pages), /changelog, the feed and the sitemap. The
 * worker cannot call this (it runs outside Next): pages it affects are time-revalidated (ISR,
 * `PUBLIC_REVALIDATE_SECONDS`) and filter by `publishAt <= now`, so they are right within that time.
 */
import "server-only";
import { revalidatePath } from "next/cache";

/** Seconds a cached public page (blog, changelog, feed, sitemap) may be served before regeneration. */
export const PUBLIC_REVALIDATE_SECONDS = 60;

/** Marks every public content page stale. Outside a Next request (tests, scripts) it does nothing. */
export function revalidatePublicContent(): void {
  try {
    revalidatePath("/blog", "layout");
    revalidatePath("/changelog", "layout");
    revalidatePath("/sitemap.xml");
  } catch {
    // No Next request store (vitest, scripts): nothing is cached there.
  }
}
