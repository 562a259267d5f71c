/** Ending billing for workspaces that are about to be deleted. */
import "server-only";
import { expireOpenCheckouts, LIVE_STATUSES } from "@/server/billing/customer";
import { stripe } from "@/server/billing/stripe";
import { db } from "@/server/db";

/**
 * Cancels, immediately, every running Stripe subscription of these workspaces, and expires their
 * open Checkout sessions: called before a workspace (or the account owning it) is deleted, so
 * nobody keeps paying, or starts paying, for a workspace that is gone. Workspaces that never
 * subscribed cost no Stripe call. Stripe errors are thrown (the deletion must not go ahead).
 */
export async function cancelBilling(workspaceIds: string[]): Promise<void> {
  const workspaces = await db.workspace.findMany({
    where: { id: { in: workspaceIds }, stripeCustomerId: { not: null } },
    select: { stripeCustomerId: true },
  });
  for (const { stripeCustomerId } of workspaces) {
    await expireOpenCheckouts(stripeCustomerId!);
    const subscriptions = await stripe().subscriptions.list({
      customer: stripeCustomerId!,
      status: "all",
      limit: 100,
    });
    for (const subscription of subscriptions.data) {
      if (LIVE_STATUSES.has(subscription.status) || subscription.status === "incomplete") {
        await stripe().subscriptions.cancel(subscription.id);
      }
    }
  }
}
