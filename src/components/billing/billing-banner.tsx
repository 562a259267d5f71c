"use client";
/**
 * A banner on every workspace page when the subscription needs attention: a failed payment
 * (past_due: the plan is kept while Stripe retries), a first payment not completed, or a
 * cancellation scheduled for the period's end (with the end date and, for those who may manage
 * billing, "Resume subscription").
 */
import { useQuery } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { ResumeSubscriptionButton } from "@/components/billing/resume-button";
import { DateText } from "@/components/ui/date-text";
import { useTRPC } from "@/trpc/client";

export function BillingBanner({
  slug,
  canManageBilling,
}: {
  slug: string;
  canManageBilling: boolean;
}) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.billing.subscription.queryOptions({ workspaceSlug: slug }));
  const subscription = data?.subscription;
  const status = subscription?.status;
  if (data && subscription?.cancelAtPeriodEnd && status !== "canceled") {
    return (
      <div
        role="status"
        data-testid="cancel-banner"
        className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100"
      >
        <p>
          Your {data.plan.name} plan is set to cancel on{" "}
          <strong className="font-semibold">
            <DateText date={subscription.cancelAt ?? subscription.currentPeriodEnd} />
          </strong>
          . After that, this workspace moves to the Free plan.
          {!canManageBilling && " Ask an owner or admin to resume it."}
        </p>
        {canManageBilling && (
          <ResumeSubscriptionButton slug={slug} planName={data.plan.name} variant="secondary" />
        )}
      </div>
    );
  }
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
