"use client";
/**
 * The workspace's current plan as a small badge (app shell, workspace header), and "Cancels on
 * <date>" beside it while a cancellation is scheduled.
 */
import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { DateText } from "@/components/ui/date-text";
import { useTRPC } from "@/trpc/client";

export function PlanBadge({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.billing.subscription.queryOptions({ workspaceSlug: slug }));
  if (!data) return null;
  const canceling = data.plan.slug !== "free" && data.subscription?.cancelAtPeriodEnd;
  return (
    <>
      <Badge tone={data.plan.slug === "free" ? "neutral" : "emerald"}>
        <span data-testid="plan-badge">{data.plan.name} plan</span>
      </Badge>
      {canceling && data.subscription && (
        <Badge tone="amber">
          <span data-testid="plan-cancels-badge">
            Cancels on{" "}
            <DateText date={data.subscription.cancelAt ?? data.subscription.currentPeriodEnd} />
          </span>
        </Badge>
      )}
    </>
  );
}
