import type { Metadata } from "next";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/ui/skeleton";
import { FirstRunChecklist } from "@/components/dashboard/first-run-checklist";
import { WorkspaceOverview } from "@/components/dashboard/overview";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { loadWorkspace } from "./load";

export async function generateMetadata({ params }: PageProps<"/w/[slug]">): Promise<Metadata> {
  const { slug } = await params;
  const { workspace } = await loadWorkspace(slug, `/w/${slug}`);
  return { title: workspace.name };
}

export default async function WorkspacePage({ params }: PageProps<"/w/[slug]">) {
  const { slug } = await params;
  await loadWorkspace(slug, `/w/${slug}`);
  prefetch(trpc.dashboard.overview.queryOptions({ workspaceSlug: slug }));
  prefetch(trpc.onboarding.checklist.queryOptions({ workspaceSlug: slug }));
  return (
    <HydrateClient>
      <div className="space-y-8">
        <Suspense fallback={null}>
          <FirstRunChecklist slug={slug} />
        </Suspense>
        <Suspense fallback={<ListSkeleton label="Loading the dashboard" rows={3} />}>
          <WorkspaceOverview slug={slug} />
        </Suspense>
      </div>
    </HydrateClient>
  );
}
