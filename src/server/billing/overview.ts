/** What a workspace's billing page shows: its plan, its subscription and its usage. */
import "server-only";
import { LIVE_STATUSES, type BillingWorkspace } from "@/server/billing/customer";
import { effectivePlan } from "@/server/billing/entitlements";
import { PLANS, type BillingInterval } from "@/server/billing/plans";
import { getWorkspaceUsage, type RequestReads } from "@/server/billing/usage";

/**
 * The workspace's plan (slug, name, entitlements), its `Subscription` row as last synced from
 * Stripe (null when never subscribed; dates as `Date`), usage against its limits (`members` counts
 * pending invitations, which `invitations` also gives apart) and whether it may start a Checkout.
 */
export async function getBillingOverview(scope: {
  workspace: BillingWorkspace;
  reads?: RequestReads;
}) {
  const { subscription, projects, members, invitations, storageBytes } =
    await getWorkspaceUsage(scope);
  const plan = effectivePlan(subscription);
  return {
    plan: { slug: plan, name: PLANS[plan].name, entitlements: PLANS[plan].entitlements },
    subscription: subscription && {
      status: subscription.status,
      planSlug: subscription.planSlug,
      interval: subscription.interval as BillingInterval,
      seats: subscription.quantity,
      currentPeriodEnd: subscription.currentPeriodEnd,
      cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
      cancelAt: subscription.cancelAt,
      trialEnd: subscription.trialEnd,
    },
    /** `storageBytes`: bytes of the workspace's files (logo, imports) in object storage. */
    usage: { projects, members: members + invitations, invitations, storageBytes },
    /** False while a subscription runs: plan changes then go through the portal. */
    canSubscribe: !subscription || !LIVE_STATUSES.has(subscription.status),
  };
}
