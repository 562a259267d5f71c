/**
 * A workspace's Stripe customer: created on first use, and the checks and clean-ups that ask
 * Stripe about it. Stripe is the source of truth for whether a subscription runs: our
 * `Subscription` row is only written when its webhook arrives (src/server/billing/sync.ts).
 */
import "server-only";
import { stripe } from "@/server/billing/stripe";
import { db } from "@/server/db";

/** The workspace fields billing reads (a `WorkspaceScope`'s `workspace` fits). */
export interface BillingWorkspace {
  id: string;
  name: string;
  slug: string;
}

/**
 * Statuses of a subscription that is still running: Stripe still bills it, so a new checkout
 * would double-bill (https://docs.stripe.com/billing/subscriptions/overview#subscription-statuses).
 */
export const LIVE_STATUSES: ReadonlySet<string> = new Set([
  "active",
  "trialing",
  "past_due",
  "unpaid",
  "paused",
]);

/**
 * The workspace's Stripe customer id (`cus_…`), creating the customer on first use. The
 * idempotency key makes concurrent first calls create one customer
 * (https://docs.stripe.com/api/idempotent_requests).
 */
export async function ensureCustomer(workspace: BillingWorkspace): Promise<string> {
  const current = await db.workspace.findUniqueOrThrow({
    where: { id: workspace.id },
    select: { stripeCustomerId: true },
  });
  if (current.stripeCustomerId) return current.stripeCustomerId;
  const owner = await db.membership.findFirst({
    where: { workspaceId: workspace.id, role: "owner" },
    select: { user: { select: { email: true } } },
  });
  const customer = await stripe().customers.create(
    { name: workspace.name, email: owner?.user.email, metadata: { workspaceId: workspace.id } },
    { idempotencyKey: `customer-${workspace.id}` },
  );
  await db.workspace.updateMany({
    where: { id: workspace.id, stripeCustomerId: null },
    data: { stripeCustomerId: customer.id },
  });
  return customer.id;
}

/** Expires the customer's open Checkout sessions, so two tabs cannot both pay. */
export async function expireOpenCheckouts(customer: string): Promise<void> {
  const open = await stripe().checkout.sessions.list({ customer, status: "open", limit: 20 });
  for (const session of open.data) await stripe().checkout.sessions.expire(session.id);
}
