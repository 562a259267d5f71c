import type { Metadata } from "next";
import { Suspense } from "react";
import { can, ListSkeleton } from "@/components/workspace/shared";
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
  if (can(workspace, "workspace:transfer")) {
    prefetch(trpc.member.list.queryOptions({ workspaceSlug: slug }));
  }
  return (
    <HydrateClient>
      <Suspense fallback={<ListSkeleton label="Loading settings" />}>
        <SettingsPanel slug={slug} />
      </Suspense>
    </HydrateClient>
  );
}
