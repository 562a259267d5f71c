/**
 * One plan's full description (a server component; the page reads it from the catalogue, `getPlanBySlug`, what `plan.bySlug` serves). What
 * the plan offers is one list, the limits then the features, in the words the catalogue derives
 * from its entitlements (src/server/billing/plans.ts), as on the pricing cards.
 */
import type { Route } from "next";
import Link from "next/link";
import { formatPrice } from "@/components/price";
import type { RouterOutputs } from "@/trpc/types";

type Plan = RouterOutputs["plan"]["bySlug"];

/** `chooseHref`: where "Choose <plan>" leads (sign-up, or the billing page when signed in). */
export function PlanDetails({ plan, chooseHref }: { plan: Plan; chooseHref: Route }) {
  const per = plan.perSeat ? "per seat / " : "/ ";
  return (
    <article className="mx-auto max-w-2xl space-y-6">
      <Link
        href="/pricing"
        className="inline-block rounded-sm text-sm font-medium text-indigo-600 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-400"
      >
        <span aria-hidden="true">← </span>All plans
      </Link>
      <header className="space-y-2">
        <h1 className="text-4xl font-bold tracking-tight">{plan.name}</h1>
        <p className="text-lg text-zinc-600 dark:text-zinc-400">{plan.description}</p>
      </header>
      <p className="text-2xl font-semibold">
        {formatPrice(plan.monthlyPriceCents, plan.currency)} {per}month
        {plan.yearlyPriceCents !== null && (
          <span className="block text-base font-normal text-zinc-600 dark:text-zinc-400">
            or {formatPrice(plan.yearlyPriceCents, plan.currency)} {per}year
          </span>
        )}
      </p>
      <section aria-labelledby="features-heading" className="space-y-2">
        <h2 id="features-heading" className="text-xl font-semibold">
          What you get
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          {[...plan.limits, ...plan.features].map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <Link
        href={chooseHref}
        className="inline-block rounded-md bg-indigo-600 px-5 py-3 font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        Choose {plan.name}
      </Link>
    </article>
  );
}
