import { Suspense } from "react";
import { WorkspaceList } from "@/components/admin/workspace-list";
import { ListSkeleton } from "@/components/ui/skeleton";
import { HydrateClient, prefetchInfinite, trpc } from "@/trpc/server";
import { paramOf } from "@/schemas/search-params";
import { adminMetadata, requireAdmin } from "../../server";

export const generateMetadata = adminMetadata({ title: "Workspaces" });

export default async function AdminWorkspacesPage({
  searchParams,
}: PageProps<"/admin/workspaces">) {
  await requireAdmin();
  const q = paramOf(await searchParams, "q")?.slice(0, 100);
  // Awaited: the list reads it with useInfiniteQuery (see prefetch).
  await prefetchInfinite(
    trpc.admin.workspaces.list.infiniteQueryOptions(
      { q },
      { getNextPageParam: (last) => last.nextCursor },
    ),
  );
  return (
    <HydrateClient>
      <Suspense fallback={<ListSkeleton label="Loading workspaces" rows={5} />}>
        <WorkspaceList />
      </Suspense>
    </HydrateClient>
  );
}
