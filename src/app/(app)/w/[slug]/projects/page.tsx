import type { Metadata } from "next";
import { Suspense } from "react";
import { ProjectsPanel } from "@/components/projects/projects-panel";
import { parseLoadedPages, parseProjectView, PROJECT_PAGE_SIZE } from "@/components/projects/view";
import { ListSkeleton } from "@/components/ui/skeleton";
import { HydrateClient, prefetch, prefetchInfinite, trpc } from "@/trpc/server";
import { loadWorkspace } from "../load";

export async function generateMetadata({
  params,
}: PageProps<"/w/[slug]/projects">): Promise<Metadata> {
  const { slug } = await params;
  const { workspace } = await loadWorkspace(slug, `/w/${slug}/projects`);
  return { title: `Projects · ${workspace.name}` };
}

export default async function ProjectsPage({
  params,
  searchParams,
}: PageProps<"/w/[slug]/projects">) {
  const { slug } = await params;
  await loadWorkspace(slug, `/w/${slug}/projects`);
  const query = await searchParams;
  const view = parseProjectView(query);
  // As many pages as "Load more" had loaded (`?pages=`), so a reload shows the same rows.
  prefetchInfinite({
    ...trpc.project.list.infiniteQueryOptions(
      { workspaceSlug: slug, ...view, limit: PROJECT_PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    pages: parseLoadedPages(query),
  });
  prefetch(trpc.billing.subscription.queryOptions({ workspaceSlug: slug }));
  return (
    <HydrateClient>
      <Suspense fallback={<ListSkeleton label="Loading projects" rows={4} />}>
        <ProjectsPanel slug={slug} />
      </Suspense>
    </HydrateClient>
  );
}
