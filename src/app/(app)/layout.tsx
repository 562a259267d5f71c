import { dehydrate, hashKey, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AppShell, BrandMark, brandClass, SkipLink } from "@/components/shell/app-shell";
import { ThemeToggle } from "@/components/theme-toggle";
import { WorkspaceSwitcher } from "@/components/workspace/workspace-switcher";
import { getCurrentSession } from "@/server/auth/session";
import { getBrand } from "@/server/brand";
import { DynamicPageRoot } from "@/components/page-root";
import { pictureUrls } from "@/server/services/uploads";
import { TRPCReactProvider } from "@/trpc/client";
import { getQueryClient, trpc } from "@/trpc/server";

// Per request and per user: never cached.
export const dynamic = "force-dynamic";

/** Never in search results: a signed-in page means nothing to anyone else. */
export const metadata: Metadata = { robots: { index: false } };

/**
 * The signed-in area. Each page checks the session itself (`requireUser`); the layout only reads
 * it for the shell (sidebar, user menu) and, when signed in, prefetches the workspace switcher's
 * list (the switcher's and the sidebar's). Signed-out visitors (about to be redirected) get a minimal header. The tRPC client and
 * TanStack Query are provided here and in the other interactive groups, not in the root layout,
 * so the marketing pages do not ship them.
 */
export default function AppLayout({ children }: { children: ReactNode }) {
  return (
    <DynamicPageRoot>
      <TRPCReactProvider>
        <AppFrame>{children}</AppFrame>
      </TRPCReactProvider>
    </DynamicPageRoot>
  );
}

/** The shell for a signed-in user, or a minimal header for a visitor. */
async function AppFrame({ children }: { children: ReactNode }) {
  const current = await getCurrentSession();
  const brand = getBrand();
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

  if (!current) {
    return (
      <div className="flex min-h-dvh flex-col">
        <SkipLink />
        <header className="border-b border-zinc-200 dark:border-zinc-800">
          <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
            <Link href="/" className={brandClass}>
              <BrandMark logoUrl={brand.logoUrl} />
              {brand.name}
            </Link>
            <ThemeToggle />
          </div>
        </header>
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 outline-none sm:px-6 sm:py-12"
        >
          {children}
        </main>
      </div>
    );
  }

  // Around the whole shell: the sidebar's workspace nav reads the same list as the switcher.
  return (
    <HydrationBoundary state={switcherState}>
      <AppShell
        brand={brand}
        user={{
          name: current.user.name,
          email: current.user.email,
          // Editors reach the console too (/admin sends them to its Posts).
          isAdmin: current.user.isAdmin || current.user.isEditor,
          avatarUrl: (await pictureUrls(current.user.avatarKey))?.s64 ?? null,
        }}
        switcher={<WorkspaceSwitcher />}
      >
        {children}
      </AppShell>
    </HydrationBoundary>
  );
}
