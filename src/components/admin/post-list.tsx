"use client";
/**
 * /admin/posts: every post, most recently changed first, filtered by kind, status and a search
 * of title or slug (`?kind=&status=&q=`, kept in the URL), "Load more"; "New post".
 */
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import {
  ListStatus,
  LoadMore,
  PageTitle,
  SearchBox,
  tableClass,
  tableWrapClass,
  useUrlParams,
} from "@/components/admin/list-parts";
import { PostStatusBadge } from "@/components/admin/post-status";
import { Badge } from "@/components/ui/badge";
import { TimeText } from "@/components/ui/date-text";
import { textLinkClass } from "@/components/ui/link";
import { SelectField } from "@/components/ui/select";
import { postFiltersFrom } from "@/schemas/post-filters";
import { postKinds, postStatuses } from "@/schemas/constants";
import { useTRPC } from "@/trpc/client";

export function PostList() {
  const trpc = useTRPC();
  const { get, set, navigating } = useUrlParams();
  const filters = postFiltersFrom(get);
  const list = useInfiniteQuery(
    trpc.post.list.infiniteQueryOptions(filters, {
      getNextPageParam: (last) => last.nextCursor,
      placeholderData: keepPreviousData,
    }),
  );
  const posts = list.data?.pages.flatMap((page) => page.items) ?? [];
  const updating = navigating || list.isPlaceholderData;
  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageTitle title="Posts">
          Blog posts and changelog entries, most recently changed first.
        </PageTitle>
        <Link
          href={"/admin/posts/new" as Route}
          className="inline-flex min-h-10 items-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          New post
        </Link>
      </div>
      <div className="grid items-end gap-4 sm:grid-cols-2 lg:grid-cols-[12rem_12rem_1fr]">
        <SelectField
          label="Kind"
          value={filters.kind ?? ""}
          onChange={(e) => set({ kind: e.target.value || undefined })}
        >
          <option value="">All kinds</option>
          {postKinds.map((kind) => (
            <option key={kind} value={kind}>
              {kind === "blog" ? "Blog" : "Changelog"}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Status"
          value={filters.status ?? ""}
          onChange={(e) => set({ status: e.target.value || undefined })}
        >
          <option value="">All statuses</option>
          {postStatuses.map((status) => (
            <option key={status} value={status}>
              {status[0]!.toUpperCase() + status.slice(1)}
            </option>
          ))}
        </SelectField>
        <SearchBox label="Search title or slug" />
      </div>
      <section aria-label="Posts" aria-busy={updating} className="space-y-3">
        <ListStatus
          label="Loading posts"
          pending={list.isPending}
          error={list.isError && posts.length === 0 ? list.error : null}
          empty={
            posts.length === 0
              ? filtered
                ? "No post matches these filters."
                : "No posts yet. Write the first one."
              : null
          }
          onRetry={() => void list.refetch()}
        >
          <div className={`${tableWrapClass} ${updating ? "opacity-60" : ""}`}>
            <table className={tableClass}>
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Status</th>
                  <th scope="col">Updated</th>
                  <th scope="col">Author</th>
                </tr>
              </thead>
              <tbody>
                {posts.map((post) => (
                  <tr key={post.id} data-testid="post-row">
                    <td>
                      <Link href={`/admin/posts/${post.id}` as Route} className={textLinkClass}>
                        {post.title}
                      </Link>
                      <div className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
                        /blog/{post.slug}
                      </div>
                    </td>
                    <td>
                      <Badge>{post.kind === "blog" ? "Blog" : "Changelog"}</Badge>
                    </td>
                    <td>
                      <PostStatusBadge status={post.status} publishAt={post.publishAt} />
                    </td>
                    <td className="whitespace-nowrap">
                      <TimeText date={post.updatedAt} />
                    </td>
                    <td>{post.author?.name ?? "—"}</td>
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
