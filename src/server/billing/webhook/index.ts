/**
 * The webhook events the app acts on, one file each, named after the event. Any other type is
 * stored in the inbox and acknowledged without effect.
 * Enable exactly these on the endpoint in the Stripe dashboard (README, "Going live").
 */
import "server-only";
import type Stripe from "stripe";
import { handleCheckoutSessionCompleted } from "./checkout.session.completed";
import { handleCustomerSubscriptionCreated } from "./customer.subscription.created";
import { handleCustomerSubscriptionDeleted } from "./customer.subscription.deleted";
import { handleCustomerSubscriptionUpdated } from "./customer.subscription.updated";
import { handleInvoicePaid } from "./invoice.paid";
import { handleInvoicePaymentActionRequired } from "./invoice.payment_action_required";
import { handleInvoicePaymentFailed } from "./invoice.payment_failed";

type Handlers = {
  [T in Stripe.Event["type"]]?: (event: Extract<Stripe.Event, { type: T }>) => Promise<void>;
};

const handlers = {
  "checkout.session.completed": handleCheckoutSessionCompleted,
  "customer.subscription.created": handleCustomerSubscriptionCreated,
  "customer.subscription.updated": handleCustomerSubscriptionUpdated,
  "customer.subscription.deleted": handleCustomerSubscriptionDeleted,
  "invoice.paid": handleInvoicePaid,
  "invoice.payment_failed": handleInvoicePaymentFailed,
  "invoice.payment_action_required": handleInvoicePaymentActionRequired,
} satisfies Handlers;

/** The event types with a handler (the ones to enable on the Stripe endpoint). */
export const HANDLED_EVENT_TYPES = Object.keys(handlers) as (keyof typeof handlers)[];

/** The handler of `event`'s type, bound to it; undefined for a type the app ignores. */
export function handlerFor(event: Stripe.Event): (() => Promise<void>) | undefined {
  const handler = (handlers as Handlers)[event.type] as
    ((event: Stripe.Event) => Promise<void>) | undefined;
  return handler && (() => handler(event));
}
