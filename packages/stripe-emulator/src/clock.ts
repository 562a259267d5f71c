/**
 * The billing lifecycle, run whenever the emulator clock moves: every subscription is brought up
 * to the current time, one due step at a time, emitting Stripe's events.
 *
 * - active/trialing, period end reached: canceled when `cancel_at_period_end` (event
 *   `customer.subscription.deleted`), else renewed (billing.ts `renewSubscription`: the period
 *   moves on; the invoice is paid, or open and the subscription past_due with the 0341 card);
 * - past_due: the open invoice is retried with the current card (paid: active again); after
 *   7 days past_due without a working card the subscription is canceled (`deleted`).
 *
 * Open Checkout sessions past `expires_at` become `expired`.
 */
import type Stripe from "stripe";
import {
  DUNNING_PERIOD_SECONDS,
  endSubscription,
  itemOf,
  renewSubscription,
  retryPastDue,
} from "./billing";
import { automatic, type Context } from "./context";

/** Most steps one subscription may take in one run (guards against a runaway loop). */
const MAX_STEPS = 10_000;

/** Brings every subscription and Checkout session up to the emulator's current time. */
export function runLifecycle(ctx: Context): void {
  const now = ctx.store.now();
  for (const subscription of Object.values(ctx.store.state.subscriptions)) {
    catchUp(ctx, subscription, now);
  }
  for (const session of Object.values(ctx.store.state.checkoutSessions)) {
    expireIfDue(session, now);
  }
  ctx.store.save();
}

/** Marks an open Checkout session `expired` once `now` (unix seconds) reaches `expires_at`. */
export function expireIfDue(session: Stripe.Checkout.Session, now: number): void {
  if (session.status === "open" && session.expires_at <= now) {
    session.status = "expired";
    session.url = null;
  }
}

function catchUp(ctx: Context, subscription: Stripe.Subscription, now: number): void {
  for (let step = 0; step < MAX_STEPS; step++) {
    const { status } = subscription;
    if (status === "past_due" || status === "unpaid") {
      if (retryPastDue(ctx, subscription, now)) continue;
      const since = ctx.store.state.subscriptionState[subscription.id]?.pastDueSince ?? now;
      const deadline = since + DUNNING_PERIOD_SECONDS;
      if (deadline <= now) {
        endSubscription(ctx, subscription, automatic(deadline), deadline, "payment_failed");
      }
      return;
    }
    if (status !== "active" && status !== "trialing") return;
    const periodEnd = itemOf(subscription).current_period_end;
    if (periodEnd > now) return;
    if (subscription.cancel_at_period_end) {
      endSubscription(ctx, subscription, automatic(periodEnd), periodEnd, "cancellation_requested");
      return;
    }
    renewSubscription(ctx, subscription, periodEnd);
  }
}

/**
 * Moves the emulator clock `seconds` forward (whole, non-negative) and runs the lifecycle, which
 * queues the events of everything that fell due. Returns the new time, unix seconds.
 */
export function advanceClock(ctx: Context, seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new Error(`The clock only moves forward: got ${seconds} seconds.`);
  }
  ctx.store.state.clockOffsetSeconds += Math.floor(seconds);
  runLifecycle(ctx);
  return ctx.store.now();
}
