/**
 * Test helpers for billing against the test run's Stripe emulator: pay a hosted Checkout page,
 * move the emulator's clock, read a customer's events, and deliver events to the webhook route
 * handler signed exactly as Stripe signs them.
 */
import Stripe from "stripe";
import { POST as webhookRoute } from "@/app/api/webhooks/stripe/route";
import { stripe } from "@/server/billing/stripe";
import { stripeConfig } from "@/server/billing/stripe-config";
import { closedPort } from "./net";
import { TEST_WEBHOOK_SECRET } from "./stripe-keys";

const apiBase = () => process.env.STRIPE_API_BASE!;

/** Submits the emulator's hosted Checkout form for `checkoutUrl` with `card`; returns its answer. */
export async function payCheckout(checkoutUrl: string, card = "4242 4242 4242 4242") {
  return fetch(checkoutUrl, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ card, expiry: "12 / 34", cvc: "123", name: "Ada Lovelace" }),
  });
}

/** Moves the emulator's clock forward by `days` (renewals, cancellations, dunning run). */
export async function advanceClock(days: number): Promise<void> {
  const res = await fetch(`${apiBase()}/_emulator/clock/advance`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ days }),
  });
  if (!res.ok) throw new Error(`clock advance answered ${res.status}`);
}

/** Every event about Stripe customer `customerId`, oldest first. */
export async function eventsOf(customerId: string): Promise<Stripe.Event[]> {
  const events: Stripe.Event[] = [];
  for await (const event of stripe().events.list({ limit: 100 })) {
    const object = event.data.object as { customer?: unknown; id?: string };
    if (object.customer === customerId || object.id === customerId) events.push(event);
  }
  return events.reverse();
}

/** A `Stripe-Signature` header for `payload`, as Stripe computes it. */
export function signatureFor(payload: string, timestamp?: number, secret = TEST_WEBHOOK_SECRET) {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}

/**
 * Posts `event` to the webhook route handler. `signature` overrides the header (null: none).
 */
export async function deliver(
  event: Stripe.Event | string,
  signature?: string | null,
): Promise<Response> {
  const payload = typeof event === "string" ? event : JSON.stringify(event);
  const headers = new Headers({ "content-type": "application/json" });
  const header = signature === undefined ? signatureFor(payload) : signature;
  if (header !== null) headers.set("stripe-signature", header);
  return webhookRoute(
    new Request("http://localhost/api/webhooks/stripe", { method: "POST", headers, body: payload }),
  );
}

/**
 * Runs `fn` while Stripe is unreachable: the app's client points at a closed port (a real
 * connection failure, no retries), then the working client is put back.
 */
export async function whileStripeIsDown<T>(fn: () => Promise<T>): Promise<T> {
  const global = globalThis as { stripe?: Stripe };
  const working = stripe();
  global.stripe = new Stripe("sk_test_vitest", {
    ...stripeConfig(`http://127.0.0.1:${await closedPort()}`),
    maxNetworkRetries: 0,
  });
  try {
    return await fn();
  } finally {
    global.stripe = working;
  }
}
