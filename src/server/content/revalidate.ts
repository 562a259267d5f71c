/**
 * Refreshes the cached public pages after a post changes: from inside the web app (a procedure)
 * directly; from the job worker, which runs outside Next, by asking the app over HTTP
 * (`requestRevalidation`, POST /api/internal/revalidate with `REVALIDATE_TOKEN`). Either way the
 * pages also revalidate by time (ISR, `PUBLIC_REVALIDATE_SECONDS`) and filter by
 * `publishAt <= now`, so they are right within that time even when the request fails. With several
 * app instances, each keeps its own cache (Next's file-system cache): the request refreshes the
 * instance that receives it, the others catch up by time.
 */
import "server-only";
import { revalidatePath } from "next/cache";
import { env } from "@/env";
import { logger } from "@/server/log";

/** Seconds a cached public page (blog, changelog, feed, sitemap) may be served before regeneration. */
export const PUBLIC_REVALIDATE_SECONDS = 60;

/** Marks every cached page stale. Outside a Next request (tests, scripts) it does nothing. */
export function revalidatePublicContent(): void {
  try {
    // Every cached page under the root layout: the post lists, posts and tag pages (with their
    // cached 404s), the feed and the sitemap, and the few other public pages, re-rendered on
    // their next request. A segment path such as "/blog" would miss pages it has no layout of.
    revalidatePath("/", "layout");
  } catch {
    // No Next request store (vitest, scripts): nothing is cached there.
  }
}

/**
 * From outside Next (the worker): asks the app at APP_URL to run {@link revalidatePublicContent}.
 * Never throws: on failure (no token, app unreachable) the pages catch up by time; logged.
 */
export async function requestRevalidation(): Promise<void> {
  if (!env.REVALIDATE_TOKEN) return;
  try {
    const response = await fetch(new URL("/api/internal/revalidate", env.APP_URL), {
      method: "POST",
      headers: { authorization: `Bearer ${env.REVALIDATE_TOKEN}` },
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    logger.warn({ err: error }, "revalidating the public pages failed; they refresh within 60 s");
  }
}
