/**
 * `checkout.session.completed`: a customer finished Checkout. The session's `client_reference_id`
 * is the workspace id we set when creating it, which links the customer if the workspace row does
 * not know it yet. https://docs.stripe.com/billing/subscriptions/build-subscriptions#provision-access
 */
import "server-only";
import type Stripe from "stripe";
import { syncCustomer } from "@/server/billing/sync";
import { idOf } from "./customer-id";

export async function handleCheckoutSessionCompleted(event: Stripe.CheckoutSessionCompletedEvent) {
  const session = event.data.object;
  const customerId = idOf(session.customer);
  if (session.mode !== "subscription" || !customerId) return;
  await syncCustomer(customerId, session.client_reference_id ?? undefined);
}
