/**
 * The prices the emulator's tests seed: a subscription app's catalogue of two products (Pro and
 * Team), each with a monthly and a yearly price. Amounts in cents. The app passes its own
 * catalogue (src/server/billing/emulator-prices.ts); the package knows no app plan.
 */
import type { EmulatorPriceSeed } from "./index";

const product = { pro: "Pro", team: "Team" } as const;

function seed(
  plan: keyof typeof product,
  interval: "month" | "year",
  unitAmount: number,
): EmulatorPriceSeed {
  const lookupKey = `${plan}_${interval === "month" ? "monthly" : "yearly"}`;
  return {
    id: `price_${lookupKey}`,
    lookupKey,
    productId: `prod_${plan}`,
    productName: product[plan],
    unitAmount,
    currency: "usd",
    interval,
  };
}

export const TEST_PRICES: EmulatorPriceSeed[] = [
  seed("pro", "month", 1900),
  seed("pro", "year", 19000),
  seed("team", "month", 1200),
  seed("team", "year", 12000),
];
