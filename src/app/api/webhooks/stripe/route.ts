/**
 * `POST /api/webhooks/stripe`: Stripe's webhook endpoint (https://docs.stripe.com/webhooks).
 *
 * The signature is verified on the raw body with the endpoint's secret and Stripe's default
 * tolerance (300 s); a missing or bad signature answers 400 and stores nothing. There is no
 * unverified fallback. A verified event goes through the inbox (src/server/billing/inbox.ts):
 * 200 when handled, ignored or a duplicate; 409 while another delivery is handling it; 500 when
 * its handler failed, so Stripe retries. Exempt from the CSRF Origin check: Stripe is cross-site
 * by design and the signature authenticates it.
 */
import type Stripe from "stripe";
import { env } from "@/env";
import { receiveEvent, type InboxOutcome } from "@/server/billing/inbox";
import { stripe } from "@/server/billing/stripe";
import { requestLogger } from "@/server/log";

export const dynamic = "force-dynamic";

const STATUS: Record<InboxOutcome, number> = {
  processed: 200,
  ignored: 200,
  duplicate: 200,
  busy: 409,
  failed: 500,
};

export async function POST(req: Request): Promise<Response> {
  // Never logged: the body, the signature header's value or the error of a failed verification.
  const log = requestLogger(req.headers);
  const signature = req.headers.get("stripe-signature");
  if (!signature) {
    log.warn({ outcome: "missing-signature" }, "stripe webhook refused");
    return Response.json({ error: "Missing Stripe-Signature header." }, { status: 400 });
  }
  const body = await req.text();
  let event: Stripe.Event;
  try {
    event = stripe().webhooks.constructEvent(body, signature, env.STRIPE_WEBHOOK_SECRET!);
  } catch {
    log.warn({ outcome: "invalid-signature" }, "stripe webhook refused");
    return Response.json({ error: "Invalid signature." }, { status: 400 });
  }
  const outcome = await receiveEvent(event);
  log.info({ eventId: event.id, type: event.type, outcome }, "stripe webhook");
  return Response.json({ received: true, outcome }, { status: STATUS[outcome] });
}
