/**
 * `POST /api/webhooks/stripe`: Stripe's webhook endpoint (https://docs.stripe.com/webhooks).
 *
 * A body over {@link WEBHOOK_MAX_BODY_BYTES} answers 413 unread. The signature is verified on the raw body with the endpoint's secret and Stripe's default
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
import { PayloadTooLargeError, readBodyWithin } from "@/server/http/body-limit";
import { requestLogger } from "@/server/log";

export const dynamic = "force-dynamic";

/**
 * Largest webhook body read (bytes): 1 MiB. Stripe documents no maximum event size; an event
 * carries one API object (lists inside it are truncated), typically a few KB, so this is a
 * generous bound (mozilla/fxa#8861 saw Stripe events outgrow 52 KB and chose 1 MB).
 */
export const WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

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
  let body: Uint8Array;
  try {
    body = await readBodyWithin(req, WEBHOOK_MAX_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof PayloadTooLargeError)) throw error;
    log.warn({ outcome: "too-large" }, "stripe webhook refused");
    return Response.json({ error: error.message }, { status: 413 });
  }
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
