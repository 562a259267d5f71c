/**
 * The plan catalogue as cards: a server component reading `plan.list` through the server's tRPC
 * caller (typed by inference like the client's), so the marketing pages ship no data-fetching
 * JavaScript and make no request from the browser.
 */
import Link from "next/link";
import { formatPrice } from "@/components/price";
import type { RouterOutputs } from "@/trpc/types";
import { getQueryClient, trpc } from "@/trpc/server";

type Plan = RouterOutputs["plan"]["list"][number];

function PlanCard({ plan, showFeatures }: { plan: Plan; showFeatures: boolean }) {
  const headingId = `plan-${plan.slug}`;
  return (
    <article
      aria-labelledby={headingId}
      data-testid="plan-card"
      className={`flex flex-col gap-4 rounded-xl border p-6 ${
        plan.highlighted
          ? "border-indigo-600 shadow-lg ring-1 ring-indigo-600"
          : "border-zinc-200 dark:border-zinc-800"
      }`}
    >
      <header className="space-y-1">
        <h3 id={headingId} className="text-lg font-semibold">
          {plan.name}
          {plan.highlighted && (
            <span className="ml-2 rounded-full bg-indigo-100 px-2 py-0.5 align-middle text-xs font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300">
              Most popular
            </span>
          )}
        </h3>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{plan.description}</p>
      </header>
      <p>
        <span className="text-3xl font-bold">
          {formatPrice(plan.monthlyPriceCents, plan.currency)}
        </span>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">
          {plan.perSeat ? " per seat / month" : " / month"}
        </span>
        {plan.yearlyPriceCents !== null && (
          <span className="block text-sm text-zinc-600 dark:text-zinc-400">
            or {formatPrice(plan.yearlyPriceCents, plan.currency)}
            {plan.perSeat ? " per seat / year" : " / year"}
          </span>
        )}
      </p>
      <ul className="space-y-1 text-sm">
        {[...plan.limits, ...(showFeatures ? plan.features : [])].map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <Link
        href={`/pricing/${plan.slug}`}
        className="mt-auto rounded-md border border-zinc-300 px-4 py-2 text-center text-sm font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-zinc-700 dark:hover:bg-zinc-900"
      >
        <span className="sr-only">{plan.name}: </span>Details
      </Link>
    </article>
  );
}

/** Cards for every plan with its limits; `showFeatures` adds the rest of what it includes. */
export async function PlanCards({ showFeatures = false }: { showFeatures?: boolean }) {
  const plans = await getQueryClient().fetchQuery(trpc.plan.list.queryOptions());
  return (
    <div className="grid gap-6 md:grid-cols-3">
      {plans.map((plan) => (
        <PlanCard key={plan.slug} plan={plan} showFeatures={showFeatures} />
      ))}
    </div>
  );
}

/** The placeholder shown while plans load. */
export function PlanCardsSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading plans" className="grid gap-6 md:grid-cols-3">
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-72 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900" />
      ))}
    </div>
  );
}
