import type { Metadata } from "next";
import { Suspense } from "react";
import { ProjectsPanel } from "@/components/projects/projects-panel";
import { ListSkeleton } from "@/components/workspace/shared";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { loadWorkspace } from "../load";

export async function generateMetadata({
  params,
}: PageProps<"/w/[slug]/projects">): Promise<Metadata> {
  const { slug } = await params;
  const { workspace } = await loadWorkspace(slug, `/w/${slug}/projects`);
  return { title: `Projects · ${workspace.name}` };
}

export default async function ProjectsPage({ params }: PageProps<"/w/[slug]/projects">) {
  const { slug } = await params;
  await loadWorkspace(slug, `/w/${slug}/projects`);
  prefetch(trpc.project.list.queryOptions({ workspaceSlug: slug }));
  prefetch(trpc.billing.subscription.queryOptions({ workspaceSlug: slug }));
  return (
    <HydrateClient>
      <Suspense fallback={<ListSkeleton label="Loading projects" rows={3} />}>
        <ProjectsPanel slug={slug} />
      </Suspense>
    </HydrateClient>
  );
}
