/**
 * `invoice.paid`: a payment succeeded (first invoice or renewal): the period moved forward. Re-reads the customer's subscriptions from Stripe.
 * https://docs.stripe.com/billing/subscriptions/webhooks#payment-failures
 */
import "server-only";
import type Stripe from "stripe";
import { syncCustomer } from "@/server/billing/sync";
import { idOf } from "./customer-id";

export async function handleInvoicePaid(event: Stripe.InvoicePaidEvent) {
  const customerId = idOf(event.data.object.customer);
  if (customerId) await syncCustomer(customerId);
}
