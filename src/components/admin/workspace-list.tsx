"use client";
/** /admin/workspaces: search (name or slug, kept in `?q=`), newest first, "Load more". */
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import {
  LoadMore,
  ListStatus,
  nameCellClass,
  PageTitle,
  SearchBox,
  tableClass,
  tableWrapClass,
  useUrlParams,
} from "@/components/admin/list-parts";
import { TimeText } from "@/components/ui/date-text";
import { textLinkClass } from "@/components/ui/link";
import { useTRPC } from "@/trpc/client";
import { Badge } from "@/components/ui/badge";

export function PlanBadge({ plan }: { plan: string }) {
  return (
    <Badge tone={plan === "team" ? "indigo" : plan === "pro" ? "emerald" : "neutral"}>
      {plan.charAt(0).toUpperCase() + plan.slice(1)}
    </Badge>
  );
}

export function WorkspaceList() {
  const trpc = useTRPC();
  const { get, navigating } = useUrlParams();
  const q = get("q");
  const list = useInfiniteQuery(
    trpc.admin.workspaces.list.infiniteQueryOptions(
      { q },
      { getNextPageParam: (last) => last.nextCursor, placeholderData: keepPreviousData },
    ),
  );
  const workspaces = list.data?.pages.flatMap((page) => page.items) ?? [];
  const updating = navigating || list.isPlaceholderData;

  return (
    <div className="space-y-6">
      <PageTitle title="Workspaces">Every workspace, newest first.</PageTitle>
      <SearchBox label="Search workspaces" hint="Name or slug contains (no wildcards)." />
      <section aria-label="Workspaces" aria-busy={updating} className="space-y-3">
        <ListStatus
          label="Loading workspaces"
          pending={list.isPending}
          error={list.isError && workspaces.length === 0 ? list.error : null}
          empty={
            workspaces.length === 0
              ? q
                ? `No workspace matches “${q}”.`
                : "No workspaces yet."
              : null
          }
          onRetry={() => void list.refetch()}
        >
          <div className={`${tableWrapClass} ${updating ? "opacity-60" : ""}`}>
            <table className={tableClass}>
              <thead>
                <tr>
                  <th scope="col">Workspace</th>
                  <th scope="col">Plan</th>
                  <th scope="col">Members</th>
                  <th scope="col">Projects</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {workspaces.map((workspace) => (
                  <tr key={workspace.id} data-testid="admin-workspace-row">
                    <td>
                      <div className={nameCellClass}>
                        <Link href={`/admin/workspaces/${workspace.id}`} className={textLinkClass}>
                          {workspace.name}
                        </Link>
                        <div className="text-zinc-600 dark:text-zinc-400">/w/{workspace.slug}</div>
                      </div>
                    </td>
                    <td>
                      <PlanBadge plan={workspace.plan} />
                    </td>
                    <td>{workspace.members}</td>
                    <td>{workspace.projects}</td>
                    <td>
                      <TimeText date={workspace.createdAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore
            hasNextPage={list.hasNextPage}
            fetching={list.isFetchingNextPage}
            error={list.isFetchNextPageError ? list.error : null}
            disabled={updating}
            onLoad={() => void list.fetchNextPage()}
          />
        </ListStatus>
      </section>
    </div>
  );
}
