"use client";
/**
 * tRPC for client components: `<TRPCReactProvider>` (in the layouts of the (app), (auth) and admin
 * groups; the marketing pages are server-rendered without it) and `useTRPC()`, which
 * returns typed query and mutation options for TanStack Query, inferred from `AppRouter`.
 */
import type { QueryClient } from "@tanstack/react-query";
import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, isTRPCClientError, loggerLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import { TRPC_MAX_BATCH_SIZE } from "@/schemas/request-limits";
import type { AppRouter } from "@/trpc/types";
import { makeQueryClient } from "@/trpc/query-client";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;

/** A new QueryClient per server render; one for the lifetime of the page in the browser. */
function getQueryClient(): QueryClient {
  if (typeof window === "undefined") return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient());
}

/** The tRPC endpoint: relative in the browser, absolute while rendering on the server. */
function endpointUrl(): string {
  const base = typeof window === "undefined" ? `http://localhost:${process.env.PORT ?? 3000}` : "";
  return `${base}/api/trpc`;
}

/**
 * The link to the endpoint: superjson, calls batched into one request per tick, at most
 * {@link TRPC_MAX_BATCH_SIZE} a request (the server refuses larger batches; more calls go out as
 * further requests). `fetch` replaces the global one (tests).
 */
export function endpointLink(fetch?: typeof globalThis.fetch) {
  return httpBatchLink({
    url: endpointUrl(),
    transformer: superjson,
    maxItems: TRPC_MAX_BATCH_SIZE,
    fetch,
  });
}

/**
 * Whether a call's result is an error worth the console outside development: a server failure
 * (5xx) or a network one. A 4xx is an answer the UI shows (wrong password, plan limit, a taken
 * slug): logging it as an error would cry wolf in every user's console.
 */
export function isUnexpectedError(result: unknown): boolean {
  if (!(result instanceof Error)) return false;
  if (!isTRPCClientError(result)) return true;
  const status = (result.data as { httpStatus?: number } | undefined)?.httpStatus;
  return status === undefined || status >= 500;
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        loggerLink({
          enabled: (op) =>
            process.env.NODE_ENV === "development" ||
            (op.direction === "down" && isUnexpectedError(op.result)),
        }),
        endpointLink(),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
