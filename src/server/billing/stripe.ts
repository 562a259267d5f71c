/**
 * The app's Stripe client: the official SDK configured by `stripeConfig` (pinned API version,
 * pointed at the local emulator when `STRIPE_API_BASE` is set). Created on first use, one per
 * process. Its API calls are traced (src/server/telemetry/stripe-http.ts; no-op spans with tracing
 * off).
 */
import "server-only";
import Stripe from "stripe";
import { env } from "@/env";
import { stripeConfig } from "@/server/billing/stripe-config";
import { tracedStripeHttpClient } from "@/server/telemetry/stripe-http";

const globalForStripe = globalThis as typeof globalThis & { stripe?: Stripe };

/** The process's Stripe client. Throws on first use when STRIPE_SECRET_KEY is not set. */
export function stripe(): Stripe {
  if (!globalForStripe.stripe) {
    if (!env.STRIPE_SECRET_KEY) throw new Error("STRIPE_SECRET_KEY is not set.");
    globalForStripe.stripe = new Stripe(env.STRIPE_SECRET_KEY, {
      ...stripeConfig(env.STRIPE_API_BASE),
      httpClient: tracedStripeHttpClient(),
    });
  }
  return globalForStripe.stripe;
}
