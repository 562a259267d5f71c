"use client";
/**
 * Pieces of the admin console's list pages: URL-kept filters, the search box, list states,
 * "Load more", table classes and the page title.
 */
import { useId, useState, type ReactNode } from "react";
import { errorMessage } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { useUrlState } from "@/components/use-url-state";
import { allParams, queryString } from "@/schemas/search-params";
import { EmptyState } from "@/components/ui/empty-state";
import { ListSkeleton } from "@/components/ui/skeleton";

/**
 * The page's search params (`get`) and `set` to change some of them (an empty value removes
 * one), through `useUrlState`: the URL is replaced in a transition, so the list keeps showing
 * while the next one loads.
 */
export function useUrlParams() {
  const { state, set, navigating } = useUrlState(allParams, queryString);
  const get = (key: string) => state[key];
  return {
    get,
    set: (updates: Record<string, string | undefined>) => set({ ...state, ...updates }),
    navigating,
  };
}

/**
 * A search box whose submitted value is the URL's `?q=`. The hint goes under the whole row, not
 * under the input: the button then lines up with the input instead of with the hint.
 */
export function SearchBox({ label, hint }: { label: string; hint?: string }) {
  const { get, set, navigating } = useUrlParams();
  const [value, setValue] = useState(get("q") ?? "");
  const hintId = useId();
  return (
    <form
      role="search"
      aria-label={label}
      className="space-y-1.5"
      onSubmit={(event) => {
        event.preventDefault();
        set({ q: value.trim() || undefined });
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label={label}
          type="search"
          name="q"
          value={value}
          maxLength={100}
          aria-describedby={hint ? hintId : undefined}
          className="min-w-64 flex-1"
          onChange={(event) => setValue(event.target.value)}
        />
        <Button type="submit" pending={navigating} pendingText="Searching…">
          Search
        </Button>
      </div>
      {hint && (
        <p id={hintId} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      )}
    </form>
  );
}

/** What a list shows before its rows: a skeleton, an error with "Try again", or an empty state. */
export function ListStatus({
  label,
  pending,
  error,
  empty,
  onRetry,
  children,
}: {
  label: string;
  pending: boolean;
  error: unknown;
  empty: ReactNode | null;
  onRetry: () => void;
  children: ReactNode;
}) {
  if (pending) return <ListSkeleton label={label} rows={4} />;
  if (error) {
    return (
      <div className="space-y-3">
        <Alert>{errorMessage(error)}</Alert>
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      </div>
    );
  }
  if (empty) return <EmptyState>{empty}</EmptyState>;
  return <>{children}</>;
}

/** "Load more" of an infinite query, with its error. */
export function LoadMore({
  hasNextPage,
  fetching,
  error,
  disabled,
  onLoad,
}: {
  hasNextPage: boolean;
  fetching: boolean;
  error: unknown;
  disabled?: boolean;
  onLoad: () => void;
}) {
  return (
    <>
      {error ? <Alert>Could not load more: {errorMessage(error)}</Alert> : null}
      {hasNextPage && (
        <Button
          variant="secondary"
          pending={fetching}
          pendingText="Loading…"
          disabled={disabled}
          onClick={onLoad}
        >
          Load more
        </Button>
      )}
    </>
  );
}

export const tableClass =
  "w-full min-w-[40rem] border-collapse text-left text-sm [&_td]:px-3 [&_td]:py-2 [&_td]:align-top [&_th]:px-3 [&_th]:py-2 [&_th]:font-medium [&_th]:text-zinc-600 dark:[&_th]:text-zinc-400";

/** `relative`: an `sr-only` header (absolutely positioned) stays inside the scroll box at 390 px. */
export const tableWrapClass =
  "relative overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800 [&_tbody_tr]:border-t [&_tbody_tr]:border-zinc-200 dark:[&_tbody_tr]:border-zinc-800";

export const monoClass = "font-mono text-xs break-all";

/**
 * A table cell's block holding a name or an address: at most 20rem wide (its column does not
 * take the table over for one long name) and broken anywhere when a word is longer than that.
 */
export const nameCellClass = "max-w-xs wrap-anywhere";

/** A page heading with an optional line under it. */
export function PageTitle({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="space-y-1">
      <h1 className="text-2xl font-semibold tracking-tight wrap-anywhere">{title}</h1>
      {children && (
        <p className="text-sm wrap-anywhere text-zinc-600 dark:text-zinc-400">{children}</p>
      )}
    </div>
  );
}
