/**
 * Creates the plans' products and prices in a Stripe account (`npm run stripe:setup`). Idempotent:
 * a product is found by its id (`prod_<plan>`, ids Stripe lets us choose), a price by its
 * `lookup_key` (https://docs.stripe.com/products-prices/manage-prices#lookup-keys), so running it
 * twice creates nothing new. Returns the `STRIPE_PRICE_*=price_…` lines for .env.
 */
import Stripe from "stripe";
import { PLANS, PRICE_CATALOGUE } from "../src/server/billing/plans";
import { stripeConfig } from "../src/server/billing/stripe-config";

export async function setUpStripeCatalogue(): Promise<string[]> {
  const key = process.env.STRIPE_SECRET_KEY;
  if (!key) throw new Error("STRIPE_SECRET_KEY is not set");
  const stripe = new Stripe(key, stripeConfig(process.env.STRIPE_API_BASE));
  const lines: string[] = [];
  for (const price of PRICE_CATALOGUE) {
    const productId = `prod_${price.plan}`;
    await stripe.products.retrieve(productId).catch(async (error: unknown) => {
      if (!(error instanceof Stripe.errors.StripeInvalidRequestError) || error.statusCode !== 404) {
        throw error;
      }
      return stripe.products.create({ id: productId, name: PLANS[price.plan].name });
    });
    const found = await stripe.prices.list({
      lookup_keys: [price.lookupKey],
      active: true,
      limit: 1,
    });
    const existing = found.data[0];
    const stripePrice =
      existing ??
      (await stripe.prices.create({
        product: productId,
        currency: price.currency,
        unit_amount: price.unitAmount,
        recurring: { interval: price.interval },
        lookup_key: price.lookupKey,
        nickname: `${PLANS[price.plan].name} (${price.interval}ly)`,
      }));
    console.log(`  ${existing ? "=" : "+"} ${price.lookupKey}: ${stripePrice.id}`);
    lines.push(`${price.envVar}=${stripePrice.id}`);
  }
  return lines;
}
