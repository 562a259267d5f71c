"use client";
/**
 * /w/[slug]/activity: the workspace's activity log, newest first, with filters by actor, action
 * and date range kept in the URL (so a link reproduces the view) and "Load more" pagination.
 */
import { keepPreviousData, useInfiniteQuery, useSuspenseQuery } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { useState } from "react";
import { ActivityText } from "@/components/activity/activity-text";
import { errorMessage } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select";
import { EmptyState } from "@/components/ui/empty-state";
import { ListSkeleton } from "@/components/ui/skeleton";
import { TimeText } from "@/components/ui/date-text";
import type { RouterOutputs } from "@/trpc/types";
import { textLinkClass } from "@/components/ui/link";
import {
  type ActivityFilterKey,
  type ActivityFilters,
  activityFiltersFromParams,
  activityFiltersToQuery,
} from "@/schemas/activity";
import { useUrlState } from "@/components/use-url-state";
import { useTRPC } from "@/trpc/client";

type Entry = RouterOutputs["activity"]["list"]["items"][number];

/** "member.role_changed" → "Member role changed". */
function actionLabel(action: string): string {
  const words = action.replace(".", " ").replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The placeholder of the log while it loads (the page's Suspense fallback and loading.tsx). */
export function ActivityLogSkeleton() {
  return (
    <div className="space-y-6">
      <div aria-hidden="true" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="h-16 animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-900" />
        ))}
      </div>
      <ListSkeleton label="Loading activity" rows={5} />
    </div>
  );
}

/** A date the user chose that would make the range empty: kept in its field, with the error. */
type InvalidDay = { key: "from" | "to"; value: string; message: string };

/**
 * The current filters, from the URL, and `change` to set one: the view updates at once
 * (optimistically) while the URL is replaced. A "From" after "To" (or the reverse) is not
 * applied: it stays in its field with an error saying so (`invalid`), the other end untouched.
 */
function useUrlFilters() {
  const [invalid, setInvalid] = useState<InvalidDay | null>(null);
  const {
    state: filters,
    set,
    navigating,
    pathname,
  } = useUrlState(activityFiltersFromParams, activityFiltersToQuery, { optimistic: true });
  function change(key: ActivityFilterKey, value: string) {
    const next: ActivityFilters = { ...filters, [key]: value || undefined };
    // ISO days compare correctly as strings; the message is the server's (src/schemas/activity.ts).
    if ((key === "from" || key === "to") && next.from && next.to && next.from > next.to) {
      setInvalid({
        key,
        value,
        message: key === "to" ? "To must be on or after From." : "From must be on or before To.",
      });
      return;
    }
    setInvalid(null);
    set(next);
  }
  return { filters, change, invalid, navigating, clearHref: pathname as Route };
}

function ActivityRow({ entry }: { entry: Entry }) {
  return (
    <li
      data-testid="activity-row"
      className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3"
    >
      <p className="min-w-0 wrap-anywhere">
        <ActivityText entry={entry} />
      </p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        <TimeText date={entry.createdAt} />
      </p>
    </li>
  );
}

export function ActivityLog({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { filters, change, invalid, navigating, clearHref } = useUrlFilters();
  const { data: choices } = useSuspenseQuery(
    trpc.activity.filters.queryOptions({ workspaceSlug: slug }),
  );
  const list = useInfiniteQuery(
    trpc.activity.list.infiniteQueryOptions(
      { workspaceSlug: slug, ...filters },
      { getNextPageParam: (last) => last.nextCursor, placeholderData: keepPreviousData },
    ),
  );
  const entries = list.data?.pages.flatMap((page) => page.items) ?? [];
  const visibleDays = list.data?.pages[0]?.visibleDays ?? null;
  const filtered = Object.keys(filters).length > 0;
  const updating = navigating || list.isPlaceholderData;
  // A filter value from a link that the choices lack (e.g. a deleted actor) stays selectable.
  const actorKnown = !filters.actorId || choices.actors.some((a) => a.id === filters.actorId);
  const actionKnown = !filters.action || choices.actions.includes(filters.action);

  return (
    <div className="space-y-6">
      <form
        role="search"
        aria-label="Filter activity"
        className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4"
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          label="Actor"
          value={filters.actorId ?? ""}
          onChange={(event) => change("actorId", event.target.value)}
        >
          <option value="">All actors</option>
          {choices.actors.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.name}
            </option>
          ))}
          {!actorKnown && <option value={filters.actorId}>Unknown actor</option>}
        </SelectField>
        <SelectField
          label="Action"
          value={filters.action ?? ""}
          onChange={(event) => change("action", event.target.value)}
        >
          <option value="">All actions</option>
          {choices.actions.map((action) => (
            <option key={action} value={action}>
              {actionLabel(action)}
            </option>
          ))}
          {!actionKnown && filters.action && (
            <option value={filters.action}>{actionLabel(filters.action)}</option>
          )}
        </SelectField>
        <TextField
          label="From"
          type="date"
          value={invalid?.key === "from" ? invalid.value : (filters.from ?? "")}
          max={filters.to}
          error={invalid?.key === "from" ? invalid.message : undefined}
          onChange={(event) => change("from", event.target.value)}
        />
        <TextField
          label="To"
          type="date"
          value={invalid?.key === "to" ? invalid.value : (filters.to ?? "")}
          min={filters.from}
          error={invalid?.key === "to" ? invalid.message : undefined}
          onChange={(event) => change("to", event.target.value)}
        />
      </form>

      <section aria-labelledby="activity-heading" aria-busy={updating} className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="activity-heading" className="text-lg font-semibold">
            Activity
          </h2>
          <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
            {updating ? "Updating…" : ""}
          </p>
        </div>
        {visibleDays !== null && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="activity-window">
            Your plan shows the last {visibleDays} days of activity.{" "}
            <Link href={`/w/${slug}/billing` as Route} className={textLinkClass}>
              Upgrade to see more
            </Link>
            .
          </p>
        )}
        {list.isPending ? (
          <ListSkeleton label="Loading activity" rows={5} />
        ) : list.isError && entries.length === 0 ? (
          <div className="space-y-3">
            <Alert>{errorMessage(list.error)}</Alert>
            <Button variant="secondary" onClick={() => void list.refetch()}>
              Try again
            </Button>
          </div>
        ) : entries.length === 0 ? (
          <EmptyState>
            {filtered ? (
              <>
                No activity matches these filters.{" "}
                <Link href={clearHref} replace scroll={false} className={textLinkClass}>
                  Clear filters
                </Link>
              </>
            ) : (
              "No activity yet."
            )}
          </EmptyState>
        ) : (
          <>
            <ul
              className={`divide-y divide-zinc-200 rounded-xl border border-zinc-200 transition-opacity dark:divide-zinc-800 dark:border-zinc-800 ${
                updating ? "opacity-60" : ""
              }`}
            >
              {entries.map((entry) => (
                <ActivityRow key={entry.id} entry={entry} />
              ))}
            </ul>
            {list.isFetchNextPageError && (
              <Alert>Could not load more activity: {errorMessage(list.error)}</Alert>
            )}
            {list.hasNextPage && (
              <Button
                variant="secondary"
                pending={list.isFetchingNextPage}
                pendingText="Loading…"
                disabled={updating}
                onClick={() => void list.fetchNextPage()}
              >
                Load more
              </Button>
            )}
            {filtered && (
              <p className="text-sm">
                <Link href={clearHref} replace scroll={false} className={textLinkClass}>
                  Clear filters
                </Link>
              </p>
            )}
          </>
        )}
      </section>
    </div>
  );
}
