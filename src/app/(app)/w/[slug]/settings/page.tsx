import type { Metadata } from "next";
import { Suspense } from "react";
import { ExportPanel } from "@/components/exports/export-panel";
import { ListSkeleton } from "@/components/ui/skeleton";
import { allows } from "@/schemas/permissions";
import { SettingsPanel } from "@/components/workspace/settings-panel";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { loadWorkspace } from "../load";

export async function generateMetadata({
  params,
}: PageProps<"/w/[slug]/settings">): Promise<Metadata> {
  const { slug } = await params;
  const { workspace } = await loadWorkspace(slug, `/w/${slug}/settings`);
  return { title: `Settings · ${workspace.name}` };
}

export default async function WorkspaceSettingsPage({ params }: PageProps<"/w/[slug]/settings">) {
  const { slug } = await params;
  const { workspace } = await loadWorkspace(slug, `/w/${slug}/settings`);
  if (allows(workspace, "workspace:transfer")) {
    prefetch(trpc.member.list.queryOptions({ workspaceSlug: slug }));
  }
  const canExport = allows(workspace, "projects:write");
  if (canExport) {
    prefetch(trpc.export.list.queryOptions({ workspaceSlug: slug }));
    prefetch(trpc.plan.list.queryOptions());
  }
  // The export panel (plan features) and the deletion warning (what would be deleted) read it.
  prefetch(trpc.billing.subscription.queryOptions({ workspaceSlug: slug }));
  return (
    <HydrateClient>
      <div className="space-y-8">
        {canExport && (
          <Suspense fallback={<ListSkeleton label="Loading exports" rows={1} />}>
            <ExportPanel slug={slug} canManageBilling={allows(workspace, "billing:manage")} />
          </Suspense>
        )}
        <Suspense fallback={<ListSkeleton label="Loading settings" />}>
          <SettingsPanel slug={slug} />
        </Suspense>
      </div>
    </HydrateClient>
  );
}
