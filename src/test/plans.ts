/**
 * Puts a workspace on a paid plan for a test by writing its `Subscription` row as the billing
 * sync would after Stripe's webhook (tests of billing itself go through Checkout instead).
 */
import { db } from "@/server/db";

export async function givePlan(workspaceId: string, plan: "pro" | "team"): Promise<void> {
  await db.subscription.create({
    data: {
      workspaceId,
      stripeSubscriptionId: `sub_test_${workspaceId}`,
      stripeCustomerId: `cus_test_${workspaceId}`,
      status: "active",
      planSlug: plan,
      stripePriceId: `price_${plan}_monthly`,
      interval: "month",
      quantity: 1,
      currentPeriodEnd: new Date(Date.now() + 30 * 86_400_000),
      stripeCreatedAt: new Date(),
    },
  });
}
