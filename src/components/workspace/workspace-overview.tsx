"use client";
/** /w/[slug]: the workspace at a glance (a placeholder for the coming dashboard). */
import { useSuspenseQuery } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { can, RoleBadge, textLinkClass } from "@/components/workspace/shared";
import { useTRPC } from "@/trpc/client";

export function WorkspaceOverview({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { data: workspace } = useSuspenseQuery(
    trpc.workspace.get.queryOptions({ workspaceSlug: slug }),
  );
  const { data: members } = useSuspenseQuery(
    trpc.member.list.queryOptions({ workspaceSlug: slug }),
  );
  const count = members.length;
  return (
    <div className="space-y-6">
      <h2 className="sr-only">Overview</h2>
      <dl className="grid gap-3 sm:grid-cols-3">
        <div className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
          <dt className="text-sm text-zinc-600 dark:text-zinc-400">Workspace</dt>
          <dd className="mt-1 font-semibold break-words" data-testid="overview-name">
            {workspace.name}
          </dd>
        </div>
        <div className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
          <dt className="text-sm text-zinc-600 dark:text-zinc-400">Your role</dt>
          <dd className="mt-1" data-testid="overview-role">
            <RoleBadge role={workspace.role} />
          </dd>
        </div>
        <div className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
          <dt className="text-sm text-zinc-600 dark:text-zinc-400">Members</dt>
          <dd className="mt-1 font-semibold" data-testid="overview-member-count">
            {count}
          </dd>
        </div>
      </dl>
      <div className="rounded-xl border border-dashed border-zinc-300 p-6 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
        <p>
          Your projects will show here.{" "}
          {count === 1 && can(workspace, "members:invite") ? (
            <>
              Meanwhile,{" "}
              <Link href={`/w/${slug}/members` as Route} className={textLinkClass}>
                invite your team
              </Link>
              .
            </>
          ) : (
            <>
              See{" "}
              <Link href={`/w/${slug}/members` as Route} className={textLinkClass}>
                who is here
              </Link>
              .
            </>
          )}
        </p>
      </div>
    </div>
  );
}
