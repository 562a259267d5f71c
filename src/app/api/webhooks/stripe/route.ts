/**
 * `POST /api/webhooks/stripe`: Stripe's webhook endpoint (https://docs.stripe.com/webhooks).
 *
 * A body over {@link WEBHOOK_MAX_BODY_BYTES} answers 413 unread. The signature is verified on the
 * raw body with the endpoint's secret and Stripe's default tolerance (300 s); a missing or bad
 * signature answers 400 and stores nothing. There is no unverified fallback. A verified body that
 * is not a Stripe event (src/server/billing/webhook/event-shape.ts) answers 400 and stores
 * nothing. A verified event goes through the inbox (src/server/billing/inbox.ts):
 * 200 when handled, ignored or a duplicate; 409 while another delivery is handling it; 500 when
 * its handler failed, so Stripe retries. Exempt from the CSRF Origin check: Stripe is cross-site
 * by design and the signature authenticates it.
 */
import Stripe from "stripe";
import { z } from "zod";
import { env } from "@/env";
import { receiveEvent, type InboxOutcome } from "@/server/billing/inbox";
import { stripe } from "@/server/billing/stripe";
import { stripeEventShape } from "@/server/billing/webhook/event-shape";
import { PayloadTooLargeError, readBodyWithin } from "@/server/http/body-limit";
import { requestLogger } from "@/server/log";
import { measuredRoute } from "@/server/telemetry/route";

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

export const POST = measuredRoute("/api/webhooks/stripe", async (req: Request) => {
  // Never logged: the body, the signature header's value or the error of a failed verification.
  const log = requestLogger(req.headers);
  const refuse = (status: number, outcome: string, error: string) => {
    log.warn({ outcome }, "stripe webhook refused");
    return Response.json({ error }, { status });
  };
  const signature = req.headers.get("stripe-signature");
  if (!signature) return refuse(400, "missing-signature", "Missing Stripe-Signature header.");
  let body: Uint8Array;
  try {
    body = await readBodyWithin(req, WEBHOOK_MAX_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof PayloadTooLargeError)) throw error;
    return refuse(413, "too-large", error.message);
  }
  try {
    stripe().webhooks.signature!.verifyHeader(body, signature, env.STRIPE_WEBHOOK_SECRET!);
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) throw error;
    return refuse(400, "invalid-signature", "Invalid signature.");
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return refuse(400, "not-an-event", "The body is not JSON.");
  }
  const shape = stripeEventShape.safeParse(json);
  if (!shape.success) {
    const issues = z.prettifyError(shape.error);
    return refuse(400, "not-an-event", `The body is not a Stripe event.\n${issues}`);
  }
  const event = shape.data as unknown as Stripe.Event;
  const outcome = await receiveEvent(event);
  log.info({ eventId: event.id, type: event.type, outcome }, "stripe webhook");
  return Response.json({ received: true, outcome }, { status: STATUS[outcome] });
});
