/**
 * Which Stripe price sells which plan: the `STRIPE_PRICE_*` variables, read through the validated
 * env. The webhook maps a subscription's price back to its plan with {@link priceById}.
 */
import "server-only";
import { env } from "@/env";
import {
  PLANS,
  PRICE_CATALOGUE,
  type BillingInterval,
  type PlanSlug,
  type PriceDefinition,
} from "@/server/billing/plans";

export interface ConfiguredPrice extends PriceDefinition {
  /** The Stripe price id (price_…) from the environment. */
  id: string;
}

/** Every paid price with its configured Stripe id. */
export function configuredPrices(): ConfiguredPrice[] {
  return PRICE_CATALOGUE.map((price) => ({ ...price, id: env[price.envVar] }));
}

/** The price of `plan` billed every `interval`; undefined when that plan has no such price. */
export function priceFor(plan: PlanSlug, interval: BillingInterval): ConfiguredPrice | undefined {
  return configuredPrices().find((price) => price.plan === plan && price.interval === interval);
}

/** Our price with Stripe id `id`; undefined for a price this app does not sell. */
export function priceById(id: string): ConfiguredPrice | undefined {
  return configuredPrices().find((price) => price.id === id);
}

/** True when `plan` is billed per member (the subscription's quantity is the seat count). */
export function isPerSeat(plan: PlanSlug): boolean {
  return PLANS[plan].perSeat;
}
