"use client";
/**
 * Wraps every /w/[slug] page. A page restored from a client cache after this tab lost the
 * workspace (Back after deleting or leaving it, a bfcache restore, a query answering "Workspace
 * not found") shows {@link NoWorkspaceAccess} instead, and the route is fetched afresh from the
 * server, which answers with the same page (lost-workspaces.ts).
 */
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useLayoutEffect, useState, type ReactNode } from "react";
import { NoWorkspaceAccess } from "@/components/workspace/no-workspace-access";
import { isStaleRender, LOST_EVENT, removeWorkspaceQueries } from "@/trpc/lost-workspaces";

export function WorkspaceGuard({
  slug,
  renderedAt,
  children,
}: {
  slug: string;
  /** When the server rendered this page (ms since epoch). */
  renderedAt: number;
  children: ReactNode;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [lost, setLost] = useState(false);

  // A layout effect: a stale copy is replaced before it is painted.
  useLayoutEffect(() => {
    const check = () => {
      const stale = isStaleRender(slug, renderedAt);
      setLost(stale);
      if (stale) router.refresh();
    };
    check();
    const onLost = (event: Event) => {
      if ((event as CustomEvent<string>).detail === slug) check();
    };
    // A page restored from the back/forward cache runs no effect again: check on `pageshow`.
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) check();
    };
    window.addEventListener(LOST_EVENT, onLost);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      window.removeEventListener(LOST_EVENT, onLost);
      window.removeEventListener("pageshow", onPageShow);
    };
  }, [slug, renderedAt, router]);

  // Once the page's components are gone (not before: they would refetch, and fail), drop the
  // workspace's cached queries.
  useEffect(() => {
    if (lost) removeWorkspaceQueries(queryClient, slug);
  }, [lost, queryClient, slug]);

  return lost ? <NoWorkspaceAccess /> : children;
}
