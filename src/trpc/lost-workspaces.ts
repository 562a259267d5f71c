/**
 * Workspaces this tab has lost (deleted, left, removed from): a page of one of them may still come
 * back from a client cache (the router's cache on Back, a bfcache restore, TanStack Query's data),
 * and must not be shown as if it existed. Per slug, sessionStorage (per tab, like history) keeps
 * when it was lost (client ms since epoch), the newest stale render seen and when the guard last
 * asked the server again; `workspace-lost` is dispatched on `window` when one is added.
 */
import type { QueryClient } from "@tanstack/react-query";

const KEY = "lost-workspaces";
export const LOST_EVENT = "workspace-lost";
/** A render arriving this soon after the guard's refresh is the server's answer to it, in ms. */
const REFRESH_ANSWER_MS = 10_000;

interface LostEntry {
  /** When the workspace was lost (client clock, ms). */
  lostAt: number;
  /** The newest `renderedAt` (server clock, ms) found stale. */
  newestStale?: number;
  /** When the guard last refreshed the route for it (client clock, ms). */
  refreshedAt?: number;
}

function read(): Record<string, LostEntry> {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? "{}");
    return parsed && typeof parsed === "object" ? (parsed as Record<string, LostEntry>) : {};
  } catch {
    return {};
  }
}

function write(lost: Record<string, LostEntry>) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(lost));
  } catch {
    // Storage full or disabled: the page then relies on the server's answers alone.
  }
}

/**
 * Records that `slug` is gone for this user; with `notify` (default), tells the mounted
 * `WorkspaceGuard` of that workspace, which then replaces the page.
 */
export function markWorkspaceLost(slug: string, { notify = true }: { notify?: boolean } = {}) {
  if (typeof window === "undefined") return;
  write({ ...read(), [slug]: { lostAt: Date.now() } });
  // Not when the page itself is leaving (a deletion navigates away): it would flash the notice.
  if (notify) window.dispatchEvent(new CustomEvent(LOST_EVENT, { detail: slug }));
}

/**
 * True when the copy of `slug`'s page rendered by the server at `renderedAt` (ms) predates the
 * loss: it is stale, and the caller refreshes the route (recorded here). A render the server made
 * after the loss, or in answer to that refresh (newer than every stale one, within
 * {@link REFRESH_ANSWER_MS}: this holds even when the two clocks disagree), means the user may
 * see the workspace again: the mark is cleared.
 */
export function isStaleRender(slug: string, renderedAt: number): boolean {
  if (typeof window === "undefined") return false;
  const lost = read();
  const entry = lost[slug];
  if (!entry) return false;
  const now = Date.now();
  const answersRefresh =
    entry.refreshedAt !== undefined &&
    now - entry.refreshedAt < REFRESH_ANSWER_MS &&
    renderedAt > (entry.newestStale ?? -Infinity);
  if (renderedAt > entry.lostAt || answersRefresh) {
    delete lost[slug];
    write(lost);
    return false;
  }
  lost[slug] = {
    ...entry,
    newestStale: Math.max(entry.newestStale ?? renderedAt, renderedAt),
    refreshedAt: now,
  };
  write(lost);
  return true;
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
