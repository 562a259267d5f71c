"use client";
/**
 * The /w/[slug] pages' title block: the workspace's name, the user's role, the plan badge and the
 * billing banner. The workspace's pages are linked from the app shell's sidebar ("Workspace" nav).
 */
import { useSuspenseQuery } from "@tanstack/react-query";
import { BillingBanner } from "@/components/billing/billing-banner";
import { PlanBadge } from "@/components/billing/plan-badge";
import { RoleBadge } from "@/components/workspace/roles";
import { allows } from "@/schemas/permissions";
import { useTRPC } from "@/trpc/client";

export function WorkspaceHeader({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { data: workspace } = useSuspenseQuery(
    trpc.workspace.get.queryOptions({ workspaceSlug: slug }),
  );
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="min-w-0 text-2xl font-bold tracking-tight wrap-anywhere sm:text-3xl">
          {workspace.name}
        </h1>
        <RoleBadge role={workspace.role} />
        <PlanBadge slug={slug} />
      </div>
      <BillingBanner slug={slug} canManageBilling={allows(workspace, "billing:manage")} />
    </div>
  );
}
