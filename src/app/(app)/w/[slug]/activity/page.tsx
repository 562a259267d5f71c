import type { Metadata } from "next";
import { Suspense } from "react";
import { ActivityLog, ActivityLogSkeleton } from "@/components/activity/activity-log";
import { activityFiltersFromParams } from "@/schemas/activity";
import { HydrateClient, prefetch, prefetchInfinite, trpc } from "@/trpc/server";
import { loadWorkspace } from "../load";

export async function generateMetadata({
  params,
}: PageProps<"/w/[slug]/activity">): Promise<Metadata> {
  const { slug } = await params;
  const { workspace } = await loadWorkspace(slug, `/w/${slug}/activity`);
  return { title: `Activity · ${workspace.name}` };
}

/** The first page of the log, filtered as the URL says (invalid filters are left out). */
export default async function ActivityPage({
  params,
  searchParams,
}: PageProps<"/w/[slug]/activity">) {
  const { slug } = await params;
  await loadWorkspace(slug, `/w/${slug}/activity`);
  const filters = activityFiltersFromParams(await searchParams);
  // Awaited: the list reads it with useInfiniteQuery (see prefetch).
  await prefetchInfinite(
    trpc.activity.list.infiniteQueryOptions(
      { workspaceSlug: slug, ...filters },
      { getNextPageParam: (last) => last.nextCursor },
    ),
  );
  prefetch(trpc.activity.filters.queryOptions({ workspaceSlug: slug }));
  return (
    <HydrateClient>
      <Suspense fallback={<ActivityLogSkeleton />}>
        <ActivityLog slug={slug} />
      </Suspense>
    </HydrateClient>
  );
}
