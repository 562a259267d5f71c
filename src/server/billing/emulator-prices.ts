/**
 * The app's paid prices (plans.ts) as the local Stripe emulator's seeds
 * (packages/stripe-emulator): products `prod_<plan>` named after the plan, one recurring price
 * per catalogue entry, with the emulator ids the app uses when no `STRIPE_PRICE_*` is set.
 * Amounts in cents. Used by `npm run dev|start` (scripts/with-db.ts), `npm run stripe:emulator`
 * and the test setup. No `server-only`: plain Node scripts import it.
 */
import type { EmulatorPriceSeed } from "@saas/stripe-emulator";
import { PLANS, PRICE_CATALOGUE } from "./plans";

export function emulatorPriceSeeds(): EmulatorPriceSeed[] {
  return PRICE_CATALOGUE.map((price) => ({
    id: price.emulatorId,
    lookupKey: price.lookupKey,
    productId: `prod_${price.plan}`,
    productName: PLANS[price.plan].name,
    unitAmount: price.unitAmount,
    currency: price.currency,
    interval: price.interval,
  }));
}
