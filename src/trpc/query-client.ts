/**
 * The TanStack Query client shared by server prefetching and the browser.
 * superjson (de)serialises dehydrated data, so Dates and the like survive the trip; pending
 * queries are dehydrated too, so a server component can start a query and let the client
 * component stream its result.
 *
 * In the browser, an UNAUTHORIZED answer means the session is gone (signed out elsewhere, revoked,
 * expired): the page reloads on /sign-in?next=<here>. Not on the auth pages themselves, and not for
 * `session.signIn`, whose UNAUTHORIZED means "incorrect email or password". The sign-in page then
 * says the session expired (`reason=expired`) and comes back here afterwards.
 *
 * A workspace procedure answering "Workspace not found." (deleted, or the user was removed) marks
 * that workspace lost for this tab: its open page is replaced (src/trpc/lost-workspaces.ts).
 */
import {
  defaultShouldDehydrateQuery,
  MutationCache,
  QueryCache,
  QueryClient,
  type MutationKey,
} from "@tanstack/react-query";
import { isTRPCClientError } from "@trpc/client";
import superjson from "superjson";
import { signInPath, WORKSPACE_NOT_FOUND } from "@/schemas/navigation";
import { markWorkspaceLost, slugOfQueryKey } from "@/trpc/lost-workspaces";

/** Pages of the (auth) route group: an UNAUTHORIZED there is an answer to show, not a redirect. */
const AUTH_PATHS = [
  "/sign-in",
  "/sign-up",
  "/check-email",
  "/verify-email",
  "/forgot-password",
  "/reset-password",
  "/confirm-email-change",
];

function isSignInMutation(key: MutationKey | undefined): boolean {
  const path = key?.[0];
  return Array.isArray(path) && path[0] === "session" && path[1] === "signIn";
}

function redirectToSignInIfSignedOut(error: unknown): void {
  if (typeof window === "undefined") return;
  if (!isTRPCClientError(error)) return;
  if ((error.data as { code?: string } | undefined)?.code !== "UNAUTHORIZED") return;
  const { pathname, search } = window.location;
  if (AUTH_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`))) return;
  // A full page load on purpose: it drops every cached query of the signed-out user.
  window.location.assign(signInPath(pathname + search, { expired: true }));
}

/** Marks the workspace `slug` lost when `error` is a workspace procedure's "not found". */
function forgetWorkspaceIfGone(error: unknown, slug: string | undefined): void {
  if (!slug || !isTRPCClientError(error)) return;
  if ((error.data as { code?: string } | undefined)?.code !== "NOT_FOUND") return;
  if (error.message === WORKSPACE_NOT_FOUND) markWorkspaceLost(slug);
}

/** Client errors (4xx) are answers, not glitches: retrying them only delays the outcome. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  const status = isTRPCClientError(error)
    ? (error.data as { httpStatus?: number } | undefined)?.httpStatus
    : undefined;
  if (status !== undefined && status >= 400 && status < 500) return false;
  return failureCount < 3;
}

/** A new QueryClient with the app's defaults (30 s stale time). */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        redirectToSignInIfSignedOut(error);
        forgetWorkspaceIfGone(error, slugOfQueryKey(query.queryKey));
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, variables, _result, mutation) => {
        if (isSignInMutation(mutation.options.mutationKey)) return;
        redirectToSignInIfSignedOut(error);
        const slug = (variables as { workspaceSlug?: unknown } | undefined)?.workspaceSlug;
        forgetWorkspaceIfGone(error, typeof slug === "string" ? slug : undefined);
      },
    }),
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
