/**
 * The plan catalogue as cards: a server component given the plans by its page, which reads the
 * catalogue in code (`listPlans`, what `plan.list` serves) rather than through the tRPC server
 * caller, which reads the request's headers: the marketing pages are prerendered, ship no
 * data-fetching JavaScript and make no request from the browser.
 */
import type { Route } from "next";
import Link from "next/link";
import { formatPrice } from "@/components/price";
import type { RouterOutputs } from "@/trpc/types";

type Plan = RouterOutputs["plan"]["list"][number];

/** Whole percent a year costs less than twelve months, e.g. 17 for $190 against $19 × 12. */
export function yearlySavingPercent(plan: Pick<Plan, "monthlyPriceCents" | "yearlyPriceCents">) {
  if (plan.yearlyPriceCents === null || plan.monthlyPriceCents === 0) return 0;
  return Math.round((1 - plan.yearlyPriceCents / (plan.monthlyPriceCents * 12)) * 100);
}

const muted = "text-sm text-zinc-600 dark:text-zinc-400";

/**
 * The price: both intervals as text (the landing page), or, under `IntervalToggle` (`toggled`),
 * the monthly or the yearly one as its wrapper's `data-interval` says.
 */
function PlanPrice({ plan, toggled }: { plan: Plan; toggled: boolean }) {
  const per = plan.perSeat ? " per seat / " : " / ";
  const monthly = (
    <>
      <span className="text-3xl font-bold">
        {formatPrice(plan.monthlyPriceCents, plan.currency)}
      </span>
      <span className={muted}>{`${per}month`}</span>
    </>
  );
  if (plan.yearlyPriceCents === null) {
    return (
      <p>
        {monthly}
        {toggled && <span className={`block ${muted}`}>Free forever, no card needed</span>}
      </p>
    );
  }
  const yearly = `${formatPrice(plan.yearlyPriceCents, plan.currency)}${per}year`;
  if (!toggled) {
    return (
      <p>
        {monthly}
        <span className={`block ${muted}`}>or {yearly}</span>
      </p>
    );
  }
  const saving = yearlySavingPercent(plan);
  return (
    <p>
      <span data-testid="price-month" className="group-data-[interval=year]:hidden">
        {monthly}
        <span className={`block ${muted}`}>billed monthly</span>
      </span>
      <span data-testid="price-year" className="hidden group-data-[interval=year]:inline">
        <span className="text-3xl font-bold">
          {formatPrice(plan.yearlyPriceCents, plan.currency)}
        </span>
        <span className={muted}>{`${per}year`}</span>
        <span className={`block ${muted}`}>
          billed yearly{saving > 0 ? `, save ${saving}%` : ""}
        </span>
      </span>
    </p>
  );
}

function PlanCard({
  plan,
  showFeatures,
  chooseHref,
}: {
  plan: Plan;
  showFeatures: boolean;
  chooseHref?: Route;
}) {
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
        <p className={muted}>{plan.description}</p>
      </header>
      <PlanPrice plan={plan} toggled={chooseHref !== undefined} />
      <ul className="space-y-1 text-sm">
        {[...plan.limits, ...(showFeatures ? plan.features : [])].map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div className="mt-auto flex flex-col gap-2">
        {chooseHref !== undefined && (
          <Link
            href={chooseHref}
            className="rounded-md bg-indigo-600 px-4 py-2 text-center text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            Choose {plan.name}
          </Link>
        )}
        <Link
          href={`/pricing/${plan.slug}`}
          className="rounded-md border border-zinc-300 px-4 py-2 text-center text-sm font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-zinc-700 dark:hover:bg-zinc-900"
        >
          <span className="sr-only">{plan.name}: </span>Details
        </Link>
      </div>
    </article>
  );
}

/**
 * Cards for every plan with its limits. On the pricing page (`showFeatures`) they add the rest
 * of what a plan includes; with `chooseHref` (where "Choose <plan>" leads) each gets that button
 * and shows one price, monthly or yearly, as the surrounding `IntervalToggle` says.
 */
export function PlanCards({
  plans,
  showFeatures = false,
  chooseHref,
}: {
  plans: readonly Plan[];
  showFeatures?: boolean;
  chooseHref?: Route;
}) {
  return (
    <div className="grid gap-6 md:grid-cols-3">
      {plans.map((plan) => (
        <PlanCard key={plan.slug} plan={plan} showFeatures={showFeatures} chooseHref={chooseHref} />
      ))}
    </div>
  );
}
