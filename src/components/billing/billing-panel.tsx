"use client";
/**
 * /w/[slug]/billing: the current plan, its status and dates, usage against the plan's limits, and
 * the way to change it: Stripe Checkout to subscribe, the Stripe Customer Portal once subscribed.
 * Back from Checkout (`?checkout=success`), the page polls until the webhook has recorded the new
 * plan, since Stripe confirms asynchronously.
 */
import { useMutation, useSuspenseQuery, type UseMutationOptions } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { toast } from "@/components/toast";
import { statusLabels } from "@/components/billing/format";
import { countOf } from "@/components/format/plural";
import {
  isOverLimit,
  storageUsageText,
  usageText,
  type UsageNoun,
} from "@/components/format/usage";
import { formatPrice } from "@/components/price";
import { errorMessage } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DateText } from "@/components/ui/date-text";
import type { RouterOutputs } from "@/trpc/types";
import { allows } from "@/schemas/permissions";
import { useTRPC } from "@/trpc/client";

type Billing = RouterOutputs["billing"]["subscription"];
type Plan = RouterOutputs["plan"]["list"][number];
type Interval = "month" | "year";

/** How long to wait for the webhook after Checkout before saying so (ms). */
const CONFIRM_TIMEOUT_MS = 30_000;

/** Sends the browser to a Stripe page; the button stays pending while the page unloads. */
function useRedirectMutation<TInput, TError>(
  options: UseMutationOptions<{ url: string }, TError, TInput>,
) {
  const [leaving, setLeaving] = useState(false);
  const mutation = useMutation({
    ...options,
    onSuccess: ({ url }) => {
      setLeaving(true);
      window.location.assign(url);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  return { ...mutation, isPending: mutation.isPending || leaving };
}

function Usage({
  label,
  used,
  limit,
  noun,
  planName,
}: {
  label: string;
  used: number;
  limit: number | null;
  /** A counted noun, or "bytes" for storage. */
  noun: UsageNoun | "bytes";
  planName: string;
}) {
  const over = isOverLimit(used, limit);
  return (
    <div>
      <dt className="text-sm text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd
        className={`mt-1 font-semibold ${over ? "text-amber-700 dark:text-amber-400" : ""}`}
        data-over-limit={over || undefined}
      >
        {noun === "bytes"
          ? storageUsageText(used, limit, planName)
          : usageText(used, limit, noun, planName)}
      </dd>
    </div>
  );
}

function SubscriptionDates({
  subscription,
}: {
  subscription: NonNullable<Billing["subscription"]>;
}) {
  if (subscription.status === "canceled") return null;
  if (subscription.cancelAtPeriodEnd) {
    return (
      <p data-testid="renewal">
        Cancels on <DateText date={subscription.cancelAt ?? subscription.currentPeriodEnd} />
      </p>
    );
  }
  if (subscription.status === "trialing" && subscription.trialEnd) {
    return (
      <p data-testid="renewal">
        Trial ends on <DateText date={subscription.trialEnd} />
      </p>
    );
  }
  return (
    <p data-testid="renewal">
      Renews on <DateText date={subscription.currentPeriodEnd} />
    </p>
  );
}

/** The subscription's state as a badge: a scheduled cancellation reads as such, not "Active". */
function StatusBadge({ subscription }: { subscription: NonNullable<Billing["subscription"]> }) {
  if (subscription.cancelAtPeriodEnd && subscription.status !== "canceled") {
    return (
      <Badge tone="amber">
        <span data-testid="subscription-status">
          Cancels on <DateText date={subscription.cancelAt ?? subscription.currentPeriodEnd} />
        </span>
      </Badge>
    );
  }
  return (
    <Badge tone={subscription.status === "past_due" ? "amber" : "emerald"}>
      <span data-testid="subscription-status">
        {statusLabels[subscription.status] ?? subscription.status}
      </span>
    </Badge>
  );
}

/** The plan and its state; a scheduled cancellation's Resume is in the banner above every page. */
function CurrentPlan({ billing }: { billing: Billing }) {
  const { subscription, plan, usage } = billing;
  const entitled = plan.slug !== "free";
  return (
    <section
      aria-labelledby="current-plan-heading"
      className="space-y-4 rounded-xl border border-zinc-200 p-5 dark:border-zinc-800"
    >
      <h2 id="current-plan-heading" className="text-lg font-semibold">
        Current plan
      </h2>
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-2xl font-bold" data-testid="current-plan">
          {plan.name}
        </p>
        {subscription && entitled && <StatusBadge subscription={subscription} />}
      </div>
      {subscription && entitled && (
        <div className="space-y-1 text-sm text-zinc-700 dark:text-zinc-300">
          <SubscriptionDates subscription={subscription} />
          <p>
            Billed {subscription.interval === "year" ? "yearly" : "monthly"}
            {subscription.planSlug === "team" &&
              `, ${countOf(subscription.seats, "seat", "seats")}`}
          </p>
        </div>
      )}
      <dl className="grid gap-3 sm:grid-cols-2">
        <Usage
          label="Projects"
          used={usage.projects}
          limit={plan.entitlements.maxProjects}
          noun={{ one: "project", other: "projects" }}
          planName={plan.name}
        />
        <Usage
          label="Members and invitations"
          used={usage.members}
          limit={plan.entitlements.maxMembers}
          noun={{ one: "member", other: "members" }}
          planName={plan.name}
        />
        <Usage
          label="File storage"
          used={usage.storageBytes}
          limit={plan.entitlements.storageBytes}
          noun="bytes"
          planName={plan.name}
        />
      </dl>
    </section>
  );
}

function PlanPicker({ slug, plans }: { slug: string; plans: readonly Plan[] }) {
  const trpc = useTRPC();
  const [interval, setInterval] = useState<Interval>("month");
  const checkout = useRedirectMutation(trpc.billing.createCheckoutSession.mutationOptions());
  const paid = plans.filter((plan) => plan.slug !== "free");
  return (
    <section aria-labelledby="upgrade-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="upgrade-heading" className="text-lg font-semibold">
          Upgrade
        </h2>
        <fieldset className="flex gap-1 rounded-lg border border-zinc-200 p-1 text-sm dark:border-zinc-800">
          <legend className="sr-only">Billing interval</legend>
          {(["month", "year"] as const).map((value) => (
            <label
              key={value}
              className="cursor-pointer rounded-md px-3 py-1.5 has-checked:bg-indigo-600 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-indigo-600"
            >
              <input
                type="radio"
                name="interval"
                value={value}
                checked={interval === value}
                onChange={() => setInterval(value)}
                className="sr-only"
              />
              {value === "month" ? "Monthly" : "Yearly"}
            </label>
          ))}
        </fieldset>
      </div>
      <ul className="grid gap-4 md:grid-cols-2">
        {paid.map((plan) => {
          const cents = interval === "month" ? plan.monthlyPriceCents : plan.yearlyPriceCents;
          const pending = checkout.isPending && checkout.variables?.plan === plan.slug;
          return (
            <li
              key={plan.slug}
              className="flex flex-col gap-4 rounded-xl border border-zinc-200 p-5 dark:border-zinc-800"
            >
              <div>
                <h3 className="font-semibold">{plan.name}</h3>
                <p className="text-sm text-zinc-600 dark:text-zinc-400">{plan.description}</p>
              </div>
              <p className="text-2xl font-bold">
                {cents === null ? "—" : formatPrice(cents, plan.currency)}
                <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">
                  {" "}
                  per {plan.perSeat ? "seat per " : ""}
                  {interval}
                </span>
              </p>
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {[...plan.limits, ...plan.features].map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <Button
                className="mt-auto"
                disabled={cents === null || checkout.isPending}
                pending={pending}
                pendingText="Opening checkout…"
                onClick={() =>
                  checkout.mutate({
                    workspaceSlug: slug,
                    plan: plan.slug as "pro" | "team",
                    interval,
                  })
                }
              >
                Upgrade to {plan.name}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ManageBilling({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const portal = useRedirectMutation(trpc.billing.createPortalSession.mutationOptions());
  return (
    <section aria-labelledby="manage-heading" className="space-y-3">
      <h2 id="manage-heading" className="text-lg font-semibold">
        Manage subscription
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Change plan, update your card, download invoices or cancel in the billing portal.
      </p>
      <Button
        variant="secondary"
        pending={portal.isPending}
        pendingText="Opening the billing portal…"
        onClick={() => portal.mutate({ workspaceSlug: slug })}
      >
        Manage billing
      </Button>
    </section>
  );
}

/** The notice shown back from Checkout, while and after the webhook confirms the payment. */
function CheckoutNotice({
  outcome,
  confirmed,
  timedOut,
}: {
  outcome: string | null;
  confirmed: boolean;
  timedOut: boolean;
}) {
  if (outcome === "canceled") {
    return <Alert tone="info">Checkout canceled: nothing was charged.</Alert>;
  }
  if (outcome !== "success") return null;
  if (confirmed) return <Alert tone="success">Payment confirmed. Thank you!</Alert>;
  return (
    <Alert tone="info">
      {timedOut
        ? "Stripe has not confirmed the payment yet. This page updates as soon as it does."
        : "Confirming your payment…"}
    </Alert>
  );
}

export function BillingPanel({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const outcome = useSearchParams().get("checkout");
  const { data: workspace } = useSuspenseQuery(
    trpc.workspace.get.queryOptions({ workspaceSlug: slug }),
  );
  const { data: plans } = useSuspenseQuery(trpc.plan.list.queryOptions());
  const [timedOut, setTimedOut] = useState(false);
  useEffect(() => {
    if (outcome !== "success") return;
    const timer = setTimeout(() => setTimedOut(true), CONFIRM_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [outcome]);
  const { data: billing } = useSuspenseQuery({
    ...trpc.billing.subscription.queryOptions({ workspaceSlug: slug }),
    // Every second until the webhook has recorded the paid plan (or we stop waiting).
    refetchInterval: (query) =>
      outcome === "success" && !timedOut && query.state.data?.plan.slug === "free" ? 1_000 : false,
  });
  const confirmed = billing.plan.slug !== "free";

  const manager = allows(workspace, "billing:manage");
  // Back from Checkout, the webhook may not have arrived yet: no second checkout meanwhile.
  const confirming = outcome === "success" && !confirmed && !timedOut;
  return (
    <div className="space-y-8">
      <CheckoutNotice outcome={outcome} confirmed={confirmed} timedOut={timedOut} />
      <CurrentPlan billing={billing} />
      {!manager ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Only owners and admins can change the plan.
        </p>
      ) : confirming ? null : billing.canSubscribe ? (
        <PlanPicker slug={slug} plans={plans} />
      ) : (
        <ManageBilling slug={slug} />
      )}
    </div>
  );
}
