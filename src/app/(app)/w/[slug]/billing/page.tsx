import type { Metadata } from "next";
import { Suspense } from "react";
import { BillingPanel } from "@/components/billing/billing-panel";
import { ListSkeleton } from "@/components/ui/skeleton";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { loadWorkspace } from "../load";

export async function generateMetadata({
  params,
}: PageProps<"/w/[slug]/billing">): Promise<Metadata> {
  const { slug } = await params;
  const { workspace } = await loadWorkspace(slug, `/w/${slug}/billing`);
  return { title: `Billing · ${workspace.name}` };
}

export default async function BillingPage({ params }: PageProps<"/w/[slug]/billing">) {
  const { slug } = await params;
  await loadWorkspace(slug, `/w/${slug}/billing`);
  prefetch(trpc.plan.list.queryOptions());
  prefetch(trpc.billing.subscription.queryOptions({ workspaceSlug: slug }));
  return (
    <HydrateClient>
      <Suspense fallback={<ListSkeleton label="Loading billing" rows={3} />}>
        <BillingPanel slug={slug} />
      </Suspense>
    </HydrateClient>
  );
}
