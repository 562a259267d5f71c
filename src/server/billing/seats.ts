/** Per-seat billing: the Stripe subscription's quantity follows the workspace's member count. */
import "server-only";
import { LIVE_STATUSES } from "@/server/billing/customer";
import { PLANS, type PlanSlug } from "@/server/billing/plans";
import { stripe } from "@/server/billing/stripe";
import { db } from "@/server/db";
import { logger } from "@/server/log";

/**
 * Per-seat plans: sets the Stripe subscription's quantity to the workspace's member count after
 * members join or leave, with Stripe's default proration
 * (https://docs.stripe.com/billing/subscriptions/quantities). Nothing for other plans. The
 * quantity reaches our row through the `customer.subscription.updated` webhook, as every change
 * does. A Stripe failure is logged, not thrown: the membership change stands and the next change
 * (or a retry) corrects the count.
 */
export async function syncSeats(workspaceId: string): Promise<void> {
  const row = await db.subscription.findUnique({ where: { workspaceId } });
  if (!row?.planSlug || !PLANS[row.planSlug as PlanSlug].perSeat) return;
  if (!LIVE_STATUSES.has(row.status)) return;
  try {
    const seats = await db.membership.count({ where: { workspaceId } });
    const subscription = await stripe().subscriptions.retrieve(row.stripeSubscriptionId);
    const item = subscription.items.data[0];
    if (!item || item.quantity === seats) return;
    await stripe().subscriptions.update(subscription.id, {
      items: [{ id: item.id, quantity: seats }],
    });
  } catch (error) {
    logger.error({ workspaceId, err: error }, "seat sync failed");
  }
}
