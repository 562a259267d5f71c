"use client";
/** The workspace's current plan as a small badge (app shell, workspace header). */
import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { useTRPC } from "@/trpc/client";

export function PlanBadge({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.billing.subscription.queryOptions({ workspaceSlug: slug }));
  if (!data) return null;
  return (
    <Badge tone={data.plan.slug === "free" ? "neutral" : "emerald"}>
      <span data-testid="plan-badge">{data.plan.name} plan</span>
    </Badge>
  );
}
