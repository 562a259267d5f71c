import { Suspense } from "react";
import { PostList } from "@/components/admin/post-list";
import { ListSkeleton } from "@/components/ui/skeleton";
import { postFiltersFrom } from "@/schemas/post-filters";
import { paramOf } from "@/schemas/search-params";
import { HydrateClient, prefetchInfinite, trpc } from "@/trpc/server";
import { editorMetadata, requireEditor } from "../../server";

export const generateMetadata = editorMetadata({ title: "Posts" });

/** The blog and changelog editor's list (editors and admins). */
export default async function AdminPostsPage({ searchParams }: PageProps<"/admin/posts">) {
  await requireEditor();
  const params = await searchParams;
  const filters = postFiltersFrom((key) => paramOf(params, key));
  await prefetchInfinite(
    trpc.post.list.infiniteQueryOptions(filters, { getNextPageParam: (last) => last.nextCursor }),
  );
  return (
    <HydrateClient>
      <Suspense fallback={<ListSkeleton label="Loading posts" rows={5} />}>
        <PostList />
      </Suspense>
    </HydrateClient>
  );
}
