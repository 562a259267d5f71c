import { Suspense } from "react";
import { UserList } from "@/components/admin/user-list";
import { ListSkeleton } from "@/components/ui/skeleton";
import { HydrateClient, prefetchInfinite, trpc } from "@/trpc/server";
import { paramOf } from "@/schemas/search-params";
import { adminMetadata, requireAdmin } from "../../server";

export const generateMetadata = adminMetadata({ title: "Users" });

export default async function AdminUsersPage({ searchParams }: PageProps<"/admin/users">) {
  await requireAdmin();
  const q = paramOf(await searchParams, "q")?.slice(0, 100);
  // Awaited: the list reads it with useInfiniteQuery (see prefetch).
  await prefetchInfinite(
    trpc.admin.users.list.infiniteQueryOptions(
      { q },
      { getNextPageParam: (last) => last.nextCursor },
    ),
  );
  return (
    <HydrateClient>
      <Suspense fallback={<ListSkeleton label="Loading users" rows={5} />}>
        <UserList />
      </Suspense>
    </HydrateClient>
  );
}
