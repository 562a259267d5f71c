/**
 * `invoice.payment_failed`: a payment failed: Stripe moves the subscription to past_due and retries (the billing page shows a banner). Re-reads the customer's subscriptions from Stripe.
 * https://docs.stripe.com/billing/subscriptions/webhooks#payment-failures
 */
import "server-only";
import type Stripe from "stripe";
import { syncCustomer } from "@/server/billing/sync";
import { idOf } from "./customer-id";

export async function handleInvoicePaymentFailed(event: Stripe.InvoicePaymentFailedEvent) {
  const customerId = idOf(event.data.object.customer);
  if (customerId) await syncCustomer(customerId);
}
