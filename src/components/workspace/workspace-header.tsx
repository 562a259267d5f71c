"use client";
/**
 * The /w/[slug] pages' title block, plan badge, billing banner and sub-navigation (Overview,
 * Projects, Members, Billing, Settings).
 */
import { useSuspenseQuery } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { BillingBanner } from "@/components/billing/billing-banner";
import { PlanBadge } from "@/components/billing/plan-badge";
import { RoleBadge } from "@/components/workspace/shared";
import { useTRPC } from "@/trpc/client";

export function WorkspaceHeader({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const pathname = usePathname();
  const { data: workspace } = useSuspenseQuery(
    trpc.workspace.get.queryOptions({ workspaceSlug: slug }),
  );
  const base = `/w/${slug}`;
  const tabs = [
    { href: base, label: "Overview" },
    { href: `${base}/projects`, label: "Projects" },
    { href: `${base}/members`, label: "Members" },
    { href: `${base}/billing`, label: "Billing" },
    { href: `${base}/settings`, label: "Settings" },
  ];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="text-2xl font-bold tracking-tight break-words sm:text-3xl">
          {workspace.name}
        </h1>
        <RoleBadge role={workspace.role} />
        <PlanBadge slug={slug} />
      </div>
      <BillingBanner slug={slug} />
      <nav aria-label="Workspace" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <ul className="flex min-w-max gap-1 border-b border-zinc-200 dark:border-zinc-800">
          {tabs.map((tab) => {
            const active = pathname === tab.href;
            return (
              <li key={tab.href}>
                <Link
                  href={tab.href as Route}
                  aria-current={active ? "page" : undefined}
                  className={`-mb-px inline-flex min-h-10 items-center border-b-2 px-3 py-2 text-sm font-medium focus-visible:rounded-t-md focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                    active
                      ? "border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300"
                      : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:border-zinc-700 dark:hover:text-zinc-100"
                  }`}
                >
                  {tab.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}
