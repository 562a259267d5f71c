/**
 * tRPC for server components: `trpc` builds query options, `prefetch` starts a query on the
 * server and `<HydrateClient>` hands the cache to client components, so the first render needs no
 * client-side request. One QueryClient per server request (React `cache`).
 */
import "server-only";
import {
  dehydrate,
  HydrationBoundary,
  type FetchInfiniteQueryOptions,
  type QueryKey,
} from "@tanstack/react-query";
import type { TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { createTRPCContext } from "@/server/api/init";
import { appRouter } from "@/server/api/root";
import { getCurrentSession } from "@/server/auth/session";
import { makeQueryClient } from "@/trpc/query-client";

/** This request's QueryClient. */
export const getQueryClient = cache(makeQueryClient);

/**
 * This request's tRPC context, reusing the session the page already resolved; its queries share
 * their reads of a workspace's usage (the layout's plan badge, the overview, the checklist).
 */
const createContext = cache(async () =>
  createTRPCContext({
    headers: new Headers(await headers()),
    auth: await getCurrentSession(),
    shareReads: true,
  }),
);

export const trpc = createTRPCOptionsProxy({
  ctx: createContext,
  router: appRouter,
  queryClient: getQueryClient,
});

/**
 * Starts a query on the server. Not awaited, its result streams to the client: for components
 * that read it with a suspense hook (`useSuspenseQuery`). Awaited (resolves when the query has
 * settled; never rejects) for components that read it with `useQuery`/`useInfiniteQuery`: their
 * server render must already show the data the browser hydrates with, or React reports a
 * hydration mismatch (error #418) and re-renders the page on the client. TanStack Query's
 * "Advanced Server Rendering" guide describes both.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- accepts any procedure's options
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(
  queryOptions: T,
): Promise<void> {
  return getQueryClient().prefetchQuery(queryOptions);
}

/** Like {@link prefetch} (await it likewise), for an infinite (cursor-paginated) query's first page. */
export function prefetchInfinite<TData, TError, TResult, TKey extends QueryKey, TPageParam>(
  infiniteQueryOptions: FetchInfiniteQueryOptions<TData, TError, TResult, TKey, TPageParam>,
): Promise<void> {
  return getQueryClient().prefetchInfiniteQuery(infiniteQueryOptions);
}

/** Dehydrates this request's cache into the client components below it. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
