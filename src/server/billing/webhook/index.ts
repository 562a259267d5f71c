/**
 * The webhook events the app acts on, as a table: event type → handler. Every handler re-reads
 * the customer's subscriptions from Stripe ({@link syncCustomer}) rather than trusting the payload,
 * which may be stale or arrive out of order (https://docs.stripe.com/billing/subscriptions/webhooks).
 * Any other type is stored in the inbox and acknowledged without effect.
 * Enable exactly these on the endpoint in the Stripe dashboard (README, "Going live").
 */
import "server-only";
import type Stripe from "stripe";
import { syncCustomer } from "@/server/billing/sync";

/** The id of an expandable Stripe reference: a string id, or the expanded object's `id`. */
function idOf(ref: string | { id: string } | null): string | null {
  return ref === null ? null : typeof ref === "string" ? ref : ref.id;
}

/**
 * Re-syncs the customer of the event's object (a subscription or an invoice); nothing when it
 * has none (an invoice without a customer).
 */
async function syncCustomerOf(event: {
  data: { object: { customer: string | { id: string } | null } };
}): Promise<void> {
  const customerId = idOf(event.data.object.customer);
  if (customerId) await syncCustomer(customerId);
}

type Handlers = {
  [T in Stripe.Event["type"]]?: (event: Extract<Stripe.Event, { type: T }>) => Promise<void>;
};

const handlers = {
  /**
   * A customer finished Checkout. The session's `client_reference_id` is the workspace id we set
   * when creating it, which links the customer if the workspace row does not know it yet.
   * https://docs.stripe.com/billing/subscriptions/build-subscriptions#provision-access
   */
  "checkout.session.completed": async (event: Stripe.CheckoutSessionCompletedEvent) => {
    const session = event.data.object;
    const customerId = idOf(session.customer);
    if (session.mode !== "subscription" || !customerId) return;
    await syncCustomer(customerId, session.client_reference_id ?? undefined);
  },
  "customer.subscription.created": syncCustomerOf,
  "customer.subscription.updated": syncCustomerOf,
  "customer.subscription.deleted": syncCustomerOf,
  /** A payment succeeded (first invoice or renewal): the period moved forward. */
  "invoice.paid": syncCustomerOf,
  /** A payment failed: Stripe moves the subscription to past_due and retries (a banner shows). */
  "invoice.payment_failed": syncCustomerOf,
  /** The payment needs the customer (3-D Secure): incomplete or past_due until they act. */
  "invoice.payment_action_required": syncCustomerOf,
} satisfies Handlers;

/** The event types with a handler (the ones to enable on the Stripe endpoint). */
export const HANDLED_EVENT_TYPES = Object.keys(handlers) as (keyof typeof handlers)[];

/** The handler of `event`'s type, bound to it; undefined for a type the app ignores. */
export function handlerFor(event: Stripe.Event): (() => Promise<void>) | undefined {
  const handler = (handlers as Handlers)[event.type] as
    ((event: Stripe.Event) => Promise<void>) | undefined;
  return handler && (() => handler(event));
}
