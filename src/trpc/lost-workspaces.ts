/**
 * Workspaces this tab has lost (deleted, left, removed from): a page of one of them may still come
 * back from a client cache (the router's cache on Back, a bfcache restore, TanStack Query's data),
 * and must not be shown as if it existed. The slugs, each with the client time it was lost (ms
 * since epoch), live in sessionStorage (per tab, like history); `workspace-lost` is dispatched on
 * `window` when one is added. A server render newer than the loss (`renderedAt`) proves the user
 * is a member again, and clears it.
 */
import type { QueryClient } from "@tanstack/react-query";

const KEY = "lost-workspaces";
export const LOST_EVENT = "workspace-lost";

function read(): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? "{}");
    return parsed && typeof parsed === "object" ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

function write(lost: Record<string, number>) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(lost));
  } catch {
    // Storage full or disabled: the in-memory cache removal below still applies.
  }
}

/**
 * Records that `slug` is gone for this user; with `notify` (default), tells the mounted
 * `WorkspaceGuard` of that workspace, which then replaces the page.
 */
export function markWorkspaceLost(slug: string, { notify = true }: { notify?: boolean } = {}) {
  if (typeof window === "undefined") return;
  write({ ...read(), [slug]: Date.now() });
  // Not when the page itself is leaving (a deletion navigates away): it would flash the notice.
  if (notify) window.dispatchEvent(new CustomEvent(LOST_EVENT, { detail: slug }));
}

/** The `workspaceSlug` of a tRPC query key's input, if any. */
export function slugOfQueryKey(queryKey: readonly unknown[]): string | undefined {
  const input = (queryKey[1] as { input?: { workspaceSlug?: unknown } } | undefined)?.input;
  return typeof input?.workspaceSlug === "string" ? input.workspaceSlug : undefined;
}

/** Drops every cached query whose input names `slug`, so nothing renders it from the cache. */
export function removeWorkspaceQueries(queryClient: QueryClient, slug: string) {
  queryClient.removeQueries({ predicate: (query) => slugOfQueryKey(query.queryKey) === slug });
}

/**
 * True when `slug` was lost after the server rendered its page at `renderedAt` (ms): that page is
 * a stale copy. A newer render means the user may see it again: the mark is cleared.
 */
export function isStaleRender(slug: string, renderedAt: number): boolean {
  if (typeof window === "undefined") return false;
  const lost = read();
  const lostAt = lost[slug];
  if (lostAt === undefined) return false;
  if (renderedAt > lostAt) {
    delete lost[slug];
    write(lost);
    return false;
  }
  return true;
}
