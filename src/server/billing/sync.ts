/**
 * Stripe → database: copies a customer's current subscription from Stripe into the workspace's
 * `Subscription` row, and re-syncs every customer (reconcile).
 *
 * The row is only ever written from what Stripe returns (webhooks and reconcile call
 * {@link syncCustomer}, which re-reads the customer's subscriptions), so the order in which webhook
 * events arrive does not matter (https://docs.stripe.com/webhooks#event-ordering).
 */
import "server-only";
import type Stripe from "stripe";
import type { Prisma } from "@/generated/prisma/client";
import { effectivePlan } from "@/server/billing/entitlements";
import type { PlanSlug } from "@/server/billing/plans";
import { priceById } from "@/server/billing/prices";
import { stripe } from "@/server/billing/stripe";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/log";

/** Preference when a customer has several subscriptions: the first live one, newest first. */
const STATUS_RANK = ["active", "trialing", "past_due", "unpaid", "paused", "incomplete"];

/** The `Subscription` row's fields from a Stripe subscription (API 2026-10-28: periods on items). */
function subscriptionFields(sub: Stripe.Subscription) {
  const item = sub.items.data[0];
  if (!item) throw new Error(`Subscription ${sub.id} has no items.`);
  const toDate = (seconds: number | null) => (seconds === null ? null : new Date(seconds * 1000));
  return {
    stripeSubscriptionId: sub.id,
    stripeCustomerId: typeof sub.customer === "string" ? sub.customer : sub.customer.id,
    status: sub.status,
    planSlug: priceById(item.price.id)?.plan ?? null,
    stripePriceId: item.price.id,
    interval: item.price.recurring?.interval ?? "month",
    quantity: item.quantity ?? 1,
    currentPeriodEnd: new Date(item.current_period_end * 1000),
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    cancelAt: toDate(sub.cancel_at),
    canceledAt: toDate(sub.canceled_at),
    trialEnd: toDate(sub.trial_end),
    stripeCreatedAt: new Date(sub.created * 1000),
    syncedAt: new Date(),
  } satisfies Omit<Prisma.SubscriptionUncheckedCreateInput, "workspaceId">;
}

/** The subscription that decides the workspace's plan: the best-ranked status, then the newest. */
function currentSubscription(subs: Stripe.Subscription[]): Stripe.Subscription | undefined {
  const rank = (s: Stripe.Subscription) => {
    const index = STATUS_RANK.indexOf(s.status);
    return index === -1 ? STATUS_RANK.length : index;
  };
  return [...subs].sort((a, b) => rank(a) - rank(b) || b.created - a.created)[0];
}

export type SyncResult =
  | { outcome: "synced"; workspaceId: string; plan: PlanSlug; status: string | null }
  | { outcome: "unknown-customer" };

/**
 * Re-reads every subscription of Stripe customer `customerId` and writes the workspace's
 * `Subscription` row from the current one (deleting it when the customer has none). A change of
 * plan or status is written to the audit log in the same transaction.
 * `workspaceIdHint` (a checkout session's `client_reference_id`) links a customer the workspace
 * row does not know yet. Returns "unknown-customer" for a customer of no workspace (e.g. one
 * created by hand in the Stripe dashboard, or a deleted workspace).
 */
export async function syncCustomer(
  customerId: string,
  workspaceIdHint?: string,
): Promise<SyncResult> {
  let workspace = await db.workspace.findUnique({ where: { stripeCustomerId: customerId } });
  if (!workspace && workspaceIdHint) {
    const linked = await db.workspace.updateMany({
      where: { id: workspaceIdHint, stripeCustomerId: null },
      data: { stripeCustomerId: customerId },
    });
    if (linked.count === 1)
      workspace = await db.workspace.findUnique({ where: { id: workspaceIdHint } });
  }
  if (!workspace) return { outcome: "unknown-customer" };

  const workspaceId = workspace.id;

  // One sync per customer at a time, with Stripe read inside the lock: a slow run that read an
  // older state cannot write after a newer one.
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${customerId}))`;
      const list = await stripe().subscriptions.list({
        customer: customerId,
        status: "all",
        limit: 100,
      });
      return writeSubscription(tx, workspaceId, currentSubscription(list.data));
    },
    { timeout: 30_000 },
  );
}

/** Writes the workspace's row from `current` (deleting it when none); audits a change. */
async function writeSubscription(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  current: Stripe.Subscription | undefined,
): Promise<SyncResult> {
  const before = await tx.subscription.findUnique({ where: { workspaceId } });
  const fields = current ? subscriptionFields(current) : null;
  if (!fields) {
    if (before) await tx.subscription.delete({ where: { workspaceId } });
  } else {
    await tx.subscription.upsert({
      where: { workspaceId },
      create: { workspaceId, ...fields },
      update: fields,
    });
  }
  const after = fields ? { status: fields.status, planSlug: fields.planSlug } : null;
  const [planBefore, planAfter] = [effectivePlan(before), effectivePlan(after)];
  if (planBefore !== planAfter || before?.status !== after?.status) {
    await recordAudit(tx, {
      workspaceId,
      actorId: null,
      action: "billing.subscription_changed",
      targetType: "workspace",
      targetId: workspaceId,
      metadata: {
        planBefore,
        planAfter,
        statusBefore: before?.status ?? null,
        statusAfter: after?.status ?? null,
      },
    });
  }
  return { outcome: "synced", workspaceId, plan: planAfter, status: after?.status ?? null };
}

/**
 * Re-syncs every workspace that has a Stripe customer (`npm run billing:reconcile`, and the daily
 * job later). One failing customer does not stop the others. Returns the counts and the failures.
 */
export async function reconcileAll(): Promise<{
  synced: number;
  failed: { customerId: string; error: string }[];
}> {
  const workspaces = await db.workspace.findMany({
    where: { stripeCustomerId: { not: null } },
    select: { stripeCustomerId: true },
  });
  let synced = 0;
  const failed: { customerId: string; error: string }[] = [];
  for (const { stripeCustomerId } of workspaces) {
    try {
      await syncCustomer(stripeCustomerId!);
      synced += 1;
    } catch (error) {
      failed.push({
        customerId: stripeCustomerId!,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { synced, failed };
}
