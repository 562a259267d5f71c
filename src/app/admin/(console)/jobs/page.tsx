import { Suspense } from "react";
import { JobList } from "@/components/admin/jobs";
import { ListSkeleton } from "@/components/ui/skeleton";
import { adminJobStates } from "@/schemas/admin";
import { jobQueues } from "@/server/services/admin/jobs";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { paramOf } from "@/schemas/search-params";
import { adminMetadata, requireAdmin } from "../../server";

export const generateMetadata = adminMetadata({ title: "Jobs" });

export default async function AdminJobsPage({ searchParams }: PageProps<"/admin/jobs">) {
  await requireAdmin();
  const params = await searchParams;
  const queue = jobQueues.find((q) => q === paramOf(params, "queue"));
  const state = adminJobStates.find((s) => s === paramOf(params, "state"));
  // Awaited: the list reads it with useQuery (see prefetch).
  await prefetch(trpc.admin.jobs.list.queryOptions({ queue, state }));
  return (
    <HydrateClient>
      <Suspense fallback={<ListSkeleton label="Loading jobs" rows={5} />}>
        <JobList queues={jobQueues} />
      </Suspense>
    </HydrateClient>
  );
}
