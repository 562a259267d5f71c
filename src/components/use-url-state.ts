"use client";
/**
 * `useUrlState`: a view's state kept in the URL's search params, so a link reproduces it. The
 * server page parses the same params with the view's own parser (e.g. `parseProjectView`), built on
 * `paramOf` in src/schemas/search-params.ts.
 */
import type { Route } from "next";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useOptimistic, useTransition } from "react";
import type { SearchParamsInput } from "@/schemas/search-params";

/**
 * The state `parse` reads from the current URL, and `set(next)` to change it in a transition, so
 * the page keeps showing while the next view loads (`navigating` meanwhile). By default the URL
 * is replaced, adding no history entry (typing in a search box must not flood the back button);
 * `set(next, { push: true })` adds one, for deliberate changes (a filter or sort picked), so Back
 * returns to the previous view. With `optimistic`, the returned state is `next` at once, during
 * the transition: only for views whose data is not read through Suspense (a suspending query
 * with the new key would show its fallback). `parse` and `toQuery` must be stable (module-level
 * functions). `toQuery` returns "" or "?…".
 */
export function useUrlState<T>(
  parse: (params: SearchParamsInput) => T,
  toQuery: (state: T) => string,
  { optimistic = false }: { optimistic?: boolean } = {},
) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const fromUrl = useMemo(() => parse(searchParams), [parse, searchParams]);
  const [optimisticState, setOptimisticState] = useOptimistic(fromUrl);
  const [navigating, startTransition] = useTransition();
  const set = useCallback(
    (next: T, { push = false }: { push?: boolean } = {}) => {
      startTransition(() => {
        if (optimistic) setOptimisticState(next);
        const href = `${pathname}${toQuery(next)}` as Route;
        if (push) router.push(href, { scroll: false });
        else router.replace(href, { scroll: false });
      });
    },
    [optimistic, pathname, router, toQuery, setOptimisticState],
  );
  return { state: optimistic ? optimisticState : fromUrl, set, navigating, pathname };
}
