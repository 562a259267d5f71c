/** One plan's full description (a server component; the page reads it with `plan.bySlug`). */
import { formatPrice } from "@/components/price";
import type { RouterOutputs } from "@/trpc/types";

type Plan = RouterOutputs["plan"]["bySlug"];

export function PlanDetails({ plan }: { plan: Plan }) {
  const per = plan.perSeat ? "per seat / " : "/ ";
  return (
    <article className="mx-auto max-w-2xl space-y-6">
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
      <dl className="grid grid-cols-2 gap-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
        <div>
          <dt className="text-sm text-zinc-600 dark:text-zinc-400">Projects</dt>
          <dd className="font-medium">{plan.entitlements.maxProjects ?? "Unlimited"}</dd>
        </div>
        <div>
          <dt className="text-sm text-zinc-600 dark:text-zinc-400">Members</dt>
          <dd className="font-medium">{plan.entitlements.maxMembers ?? "Unlimited"}</dd>
        </div>
      </dl>
      <section aria-labelledby="features-heading" className="space-y-2">
        <h2 id="features-heading" className="text-xl font-semibold">
          What you get
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          {plan.features.map((feature) => (
            <li key={feature}>{feature}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}
