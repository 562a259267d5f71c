/**
 * `customer.subscription.created`: re-reads the customer's subscriptions from Stripe rather than
 * trusting this (possibly stale, possibly out-of-order) payload.
 * https://docs.stripe.com/billing/subscriptions/webhooks
 */
import "server-only";
import type Stripe from "stripe";
import { syncCustomer } from "@/server/billing/sync";
import { idOf } from "./customer-id";

export async function handleCustomerSubscriptionCreated(
  event: Stripe.CustomerSubscriptionCreatedEvent,
) {
  await syncCustomer(idOf(event.data.object.customer)!);
}
