/**
 * How the Stripe SDK is configured, shared by the app and the scripts (no `server-only`: the setup
 * script imports it). The API version is pinned so the shapes the code reads never change under it
 * (https://docs.stripe.com/api/versioning). With `apiBase` (the local emulator,
 * packages/stripe-emulator) the same SDK talks to that host instead of api.stripe.com; nothing else
 * in the app knows the difference.
 */
import type Stripe from "stripe";

/** The API version every request and every webhook payload uses. */
export const STRIPE_API_VERSION = "2026-10-28.endive" satisfies Stripe.LatestApiVersion;

/** SDK settings for `secretKey`, pointed at `apiBase` when given (the emulator). */
export function stripeConfig(apiBase: string | undefined): Stripe.StripeConfig {
  const config: Stripe.StripeConfig = {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "saas-starter" },
  };
  if (!apiBase) return config;
  const url = new URL(apiBase);
  return {
    ...config,
    host: url.hostname,
    port: Number(url.port || (url.protocol === "https:" ? 443 : 80)),
    protocol: url.protocol === "https:" ? "https" : "http",
  };
}
