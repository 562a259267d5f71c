import { Suspense } from "react";
import { StripeEventList } from "@/components/admin/stripe-events";
import { ListSkeleton } from "@/components/ui/skeleton";
import { adminStripeEventStatuses } from "@/schemas/admin";
import { HydrateClient, prefetchInfinite, trpc } from "@/trpc/server";
import { paramOf } from "@/schemas/search-params";
import { adminMetadata, requireAdmin } from "../../server";

export const generateMetadata = adminMetadata({ title: "Stripe events" });

export default async function AdminStripeEventsPage({
  searchParams,
}: PageProps<"/admin/stripe-events">) {
  await requireAdmin();
  const raw = paramOf(await searchParams, "status");
  const status = adminStripeEventStatuses.find((s) => s === raw);
  // Awaited: the list reads it with useInfiniteQuery (see prefetch).
  await prefetchInfinite(
    trpc.admin.stripeEvents.list.infiniteQueryOptions(
      { status },
      { getNextPageParam: (last) => last.nextCursor },
    ),
  );
  return (
    <HydrateClient>
      <Suspense fallback={<ListSkeleton label="Loading Stripe events" rows={5} />}>
        <StripeEventList />
      </Suspense>
    </HydrateClient>
  );
}
