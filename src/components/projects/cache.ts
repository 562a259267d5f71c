"use client";
/**
 * Optimistic updates of the cached project lists (every filter and sort the user has open):
 * apply a change at once, and restore the snapshot if the server refuses it.
 * https://tanstack.com/query/v5/docs/framework/react/guides/optimistic-updates
 */
import type { InfiniteData, QueryClient, QueryKey } from "@tanstack/react-query";
import type { RouterOutputs } from "@/trpc/types";

type Page = RouterOutputs["project"]["list"];
export type Project = Page["items"][number];
type Lists = InfiniteData<Page, unknown>;

/** The lists' snapshot, taken before an optimistic change, for {@link restoreLists}. */
export type ListsSnapshot = [QueryKey, Lists | undefined][];

/**
 * Cancels in-flight fetches of the lists matching `filter`, snapshots them, and rewrites every
 * cached item with `change` (return null to drop it).
 */
export async function changeLists(
  queryClient: QueryClient,
  filter: { queryKey: QueryKey },
  change: (project: Project) => Project | null,
): Promise<ListsSnapshot> {
  await queryClient.cancelQueries(filter);
  const snapshot = queryClient.getQueriesData<Lists>(filter);
  queryClient.setQueriesData<Lists>(filter, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.flatMap((item) => {
              const next = change(item);
              return next ? [next] : [];
            }),
          })),
        }
      : data,
  );
  return snapshot;
}

/** Puts back the lists of a snapshot (after the server refused a change). */
export function restoreLists(queryClient: QueryClient, snapshot: ListsSnapshot | undefined) {
  for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
}
