/**
 * `customer.subscription.updated`: re-reads the customer's subscriptions from Stripe rather than
 * trusting this (possibly stale, possibly out-of-order) payload.
 * https://docs.stripe.com/billing/subscriptions/webhooks
 */
import "server-only";
import type Stripe from "stripe";
import { syncCustomer } from "@/server/billing/sync";
import { idOf } from "./customer-id";

export async function handleCustomerSubscriptionUpdated(
  event: Stripe.CustomerSubscriptionUpdatedEvent,
) {
  await syncCustomer(idOf(event.data.object.customer)!);
}
