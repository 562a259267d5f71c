import type { Metadata } from "next";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/ui/skeleton";
import { allows } from "@/schemas/permissions";
import { MembersPanel } from "@/components/workspace/members-panel";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { loadWorkspace } from "../load";

export async function generateMetadata({
  params,
}: PageProps<"/w/[slug]/members">): Promise<Metadata> {
  const { slug } = await params;
  const { workspace } = await loadWorkspace(slug, `/w/${slug}/members`);
  return { title: `Members · ${workspace.name}` };
}

export default async function MembersPage({ params }: PageProps<"/w/[slug]/members">) {
  const { slug } = await params;
  const { user, workspace } = await loadWorkspace(slug, `/w/${slug}/members`);
  prefetch(trpc.member.list.queryOptions({ workspaceSlug: slug }));
  if (allows(workspace, "members:invite")) {
    prefetch(trpc.invitation.list.queryOptions({ workspaceSlug: slug }));
  }
  return (
    <HydrateClient>
      <Suspense fallback={<ListSkeleton label="Loading members" />}>
        <MembersPanel slug={slug} currentUserId={user.id} />
      </Suspense>
    </HydrateClient>
  );
}
