import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { PendingInvitations } from "@/components/workspace/pending-invitations";
import { ListSkeleton } from "@/components/ui/skeleton";
import { WorkspaceCards } from "@/components/workspace/workspace-cards";
import { requireUser } from "@/server/auth/session";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Dashboard" };

const linkClass =
  "font-medium text-indigo-600 underline-offset-4 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-400";

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  prefetch(trpc.invitation.listMine.queryOptions());
  prefetch(trpc.workspace.list.queryOptions());
  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight wrap-anywhere">Welcome, {user.name}</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          Open a workspace to work with your team. Your name, email, password and devices are in{" "}
          <Link href="/settings" className={linkClass}>
            Account settings
          </Link>
          .
        </p>
      </header>
      <HydrateClient>
        <section aria-labelledby="invitations-heading" className="space-y-4">
          <h2 id="invitations-heading" className="text-lg font-semibold">
            Invitations
          </h2>
          <Suspense fallback={<ListSkeleton label="Loading invitations" rows={1} />}>
            <PendingInvitations />
          </Suspense>
        </section>
        <section aria-labelledby="workspaces-heading" className="space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="workspaces-heading" className="text-lg font-semibold">
              Your workspaces
            </h2>
            <Link
              href="/w/new"
              className="inline-flex min-h-10 items-center rounded-md border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-zinc-700 dark:hover:bg-zinc-900"
            >
              Create workspace
            </Link>
          </div>
          <Suspense fallback={<ListSkeleton label="Loading workspaces" />}>
            <WorkspaceCards />
          </Suspense>
        </section>
      </HydrateClient>
    </div>
  );
}
