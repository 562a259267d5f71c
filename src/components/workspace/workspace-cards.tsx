"use client";
/** The dashboard's workspaces (`workspace.list`, prefetched), as cards linking to each. */
import { useSuspenseQuery } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { RoleBadge } from "@/components/workspace/roles";
import { textLinkClass } from "@/components/ui/link";
import { useTRPC } from "@/trpc/client";

export function WorkspaceCards() {
  const trpc = useTRPC();
  const { data: workspaces } = useSuspenseQuery(trpc.workspace.list.queryOptions());
  if (workspaces.length === 0) {
    return (
      <EmptyState>
        You are not in any workspace yet.{" "}
        <Link href="/w/new" className={textLinkClass}>
          Create one
        </Link>{" "}
        or accept an invitation.
      </EmptyState>
    );
  }
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Your workspaces">
      {workspaces.map((workspace) => (
        <li key={workspace.id}>
          <Link
            href={`/w/${workspace.slug}` as Route}
            data-testid="workspace-card"
            className="flex h-full flex-col gap-2 rounded-xl border border-zinc-200 p-4 transition-colors hover:border-indigo-300 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-zinc-800 dark:hover:border-indigo-800 dark:hover:bg-zinc-900"
          >
            <span className="flex items-start justify-between gap-2">
              <span className="min-w-0 font-semibold wrap-anywhere">{workspace.name}</span>
              <RoleBadge role={workspace.role} />
            </span>
            <span className="text-sm break-all text-zinc-600 dark:text-zinc-400">
              /w/{workspace.slug}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
