import { dehydrate, hashKey, HydrationBoundary } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { WorkspaceSwitcher } from "@/components/workspace/workspace-switcher";
import { getCurrentSession } from "@/server/auth/session";
import { getQueryClient, trpc } from "@/trpc/server";

// Per request and per user: never cached.
export const dynamic = "force-dynamic";

const navLinkClass =
  "rounded-md px-2 py-2 text-sm font-medium text-zinc-700 sm:px-3 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-zinc-300 dark:hover:bg-zinc-900";

/**
 * The signed-in area. Each page checks the session itself (`requireUser`); the layout only reads
 * it for the header (and, when signed in, prefetches the workspace switcher's list).
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const current = await getCurrentSession();
  const listOptions = trpc.workspace.list.queryOptions();
  // Awaited, not streamed: the switcher's useQuery must find data, not a pending promise, when it
  // hydrates, or the server's and the client's first render differ.
  if (current) await getQueryClient().prefetchQuery(listOptions);
  // Only the switcher's query: the pages' own queries (e.g. a non-member's `workspace.get`, about
  // to fail into a 404) are still pending here and hydrate through their own boundaries.
  const switcherState = current
    ? dehydrate(getQueryClient(), {
        shouldDehydrateQuery: (query) => query.queryHash === hashKey(listOptions.queryKey),
      })
    : undefined;
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-zinc-200 dark:border-zinc-800">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
          <div className="flex min-w-0 items-center gap-2 sm:gap-4">
            <Link
              href="/dashboard"
              className="rounded-md text-lg font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            >
              Starter
            </Link>
            {current && (
              <HydrationBoundary state={switcherState}>
                <WorkspaceSwitcher />
              </HydrationBoundary>
            )}
          </div>
          {/* A row of its own on phones (below), inline after the switcher from sm up. */}
          <nav
            aria-label="App"
            className="order-last flex basis-full items-center gap-1 sm:order-none sm:mr-auto sm:basis-auto"
          >
            <Link href="/dashboard" className={navLinkClass}>
              Dashboard
            </Link>
            <Link href="/settings" className={navLinkClass}>
              Settings
            </Link>
          </nav>
          {current && (
            <div className="flex items-center gap-3">
              <span
                className="hidden max-w-[12rem] truncate text-sm text-zinc-600 sm:inline dark:text-zinc-400"
                data-testid="current-user"
              >
                {current.user.name}
              </span>
              <SignOutButton />
            </div>
          )}
        </div>
      </header>
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6 sm:py-12">{children}</main>
    </div>
  );
}
