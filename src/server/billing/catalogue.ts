/**
 * The public plan catalogue (landing, pricing and billing pages), read from the plans in code
 * (src/server/billing/plans.ts). Prices are integer cents of `currency`.
 */
import "server-only";
import { describeEntitlements, PLAN_LIST, type PlanDefinition } from "@/server/billing/plans";
import { DomainError } from "@/server/errors";

/** A plan as visitors see it: its definition, and what it includes in words. */
function publicPlan(plan: PlanDefinition) {
  const { limits, features } = describeEntitlements(plan.entitlements);
  return {
    slug: plan.slug,
    name: plan.name,
    description: plan.description,
    monthlyPriceCents: plan.monthlyPriceCents,
    yearlyPriceCents: plan.yearlyPriceCents,
    currency: plan.currency,
    perSeat: plan.perSeat,
    entitlements: plan.entitlements,
    /** The counted limits in words ("Up to 3 projects"). */
    limits,
    /** Everything else the plan includes, in words ("CSV exports"). */
    features,
    highlighted: plan.highlighted,
  };
}

/** Every plan, in display order. */
export function listPlans() {
  return PLAN_LIST.map(publicPlan);
}

/**
 * One plan by its slug.
 * @throws DomainError NOT_FOUND when no plan has that slug.
 */
export function getPlanBySlug(slug: string) {
  const plan = PLAN_LIST.find((candidate) => candidate.slug === slug);
  if (!plan) throw new DomainError("NOT_FOUND", `No plan is called "${slug}".`);
  return publicPlan(plan);
}
