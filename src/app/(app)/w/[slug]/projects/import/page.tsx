import type { Metadata } from "next";
import { Suspense } from "react";
import { ProjectImportFlow } from "@/components/imports/project-import-flow";
import { Alert } from "@/components/ui/alert";
import { ListSkeleton } from "@/components/ui/skeleton";
import { allows } from "@/schemas/permissions";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { loadWorkspace } from "../../load";

export async function generateMetadata({
  params,
}: PageProps<"/w/[slug]/projects/import">): Promise<Metadata> {
  const { slug } = await params;
  const { workspace } = await loadWorkspace(slug, `/w/${slug}/projects/import`);
  return { title: `Import projects · ${workspace.name}` };
}

/** Importing projects from a CSV file or pasted text: members who may create projects only. */
export default async function ImportProjectsPage({
  params,
}: PageProps<"/w/[slug]/projects/import">) {
  const { slug } = await params;
  const { workspace } = await loadWorkspace(slug, `/w/${slug}/projects/import`);
  if (!allows(workspace, "projects:write")) {
    return <Alert>Only members who may create projects can import them.</Alert>;
  }
  prefetch(trpc.projectImport.list.queryOptions({ workspaceSlug: slug }));
  return (
    <HydrateClient>
      <Suspense fallback={<ListSkeleton label="Loading imports" rows={2} />}>
        <ProjectImportFlow slug={slug} />
      </Suspense>
    </HydrateClient>
  );
}
