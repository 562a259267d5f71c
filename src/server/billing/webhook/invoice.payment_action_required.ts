/**
 * `invoice.payment_action_required`: the payment needs the customer (3-D Secure): the subscription stays incomplete or past_due until they act in the portal. Re-reads the customer's subscriptions from Stripe.
 * https://docs.stripe.com/billing/subscriptions/webhooks#payment-failures
 */
import "server-only";
import type Stripe from "stripe";
import { syncCustomer } from "@/server/billing/sync";
import { idOf } from "./customer-id";

export async function handleInvoicePaymentActionRequired(
  event: Stripe.InvoicePaymentActionRequiredEvent,
) {
  const customerId = idOf(event.data.object.customer);
  if (customerId) await syncCustomer(customerId);
}
