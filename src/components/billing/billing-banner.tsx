"use client";
/**
 * A banner on every workspace page when the subscription needs attention: a failed payment
 * (past_due: the plan is kept while Stripe retries) or a first payment not completed.
 */
import { useQuery } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { useTRPC } from "@/trpc/client";

export function BillingBanner({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.billing.subscription.queryOptions({ workspaceSlug: slug }));
  const status = data?.subscription?.status;
  if (status !== "past_due" && status !== "incomplete" && status !== "unpaid") return null;
  const message =
    status === "past_due"
      ? `Your last payment failed. You keep ${data!.plan.name} while we retry: update your card to avoid losing it.`
      : "Your subscription is waiting for a payment. Complete it to unlock your plan.";
  return (
    <div
      role="alert"
      data-testid="billing-banner"
      className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/60 dark:text-red-100"
    >
      <p>{message}</p>
      <Link
        href={`/w/${slug}/billing` as Route}
        className="font-medium underline underline-offset-4 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-red-600"
      >
        Go to billing
      </Link>
    </div>
  );
}
