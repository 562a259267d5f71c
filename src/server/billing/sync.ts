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
import { type AuditVia, recordAudit } from "@/server/audit/log";
import { LIVE_STATUSES } from "@/server/billing/customer";
import { DomainError } from "@/server/errors";

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

/**
 * Who a sync's audit entries name: a member who changed the subscription from the app, or the
 * source that reported the change (Stripe's webhooks, or the reconcile run).
 */
export type SyncAttribution = { actorId: string } | { source: "stripe" | "reconcile" };

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
  attribution: SyncAttribution = { source: "stripe" },
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

  return syncLocked(workspace.id, customerId, attribution);
}

/**
 * Runs `change` (a Stripe call), then re-reads the customer's subscriptions and writes the row,
 * all under the customer's lock: one sync per customer at a time, with Stripe read inside the
 * lock, so a slow run that read an older state cannot write after a newer one; and the webhook
 * that `change` causes waits, then finds nothing new, so the change is audited once, as the
 * actor's.
 */
function syncLocked(
  workspaceId: string,
  customerId: string,
  attribution: SyncAttribution,
  change?: () => Promise<unknown>,
): Promise<SyncResult> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${customerId}))`;
      await change?.();
      const list = await stripe().subscriptions.list({
        customer: customerId,
        status: "all",
        limit: 100,
      });
      return writeSubscription(tx, workspaceId, currentSubscription(list.data), attribution);
    },
    { timeout: 30_000 },
  );
}

/**
 * Withdraws the scheduled cancellation of the workspace's subscription (Stripe's
 * `cancel_at_period_end: false`), so it renews at the period's end, and syncs it; audited as
 * "billing.subscription_resumed" by `scope.actorId`. Idempotent: `{ resumed: false }` when the
 * subscription is not set to cancel.
 * @throws DomainError CONFLICT when the workspace has no running subscription.
 */
export async function resumeSubscription(scope: {
  workspace: { id: string };
  actorId: string;
}): Promise<{ resumed: boolean }> {
  const workspaceId = scope.workspace.id;
  const row = await db.subscription.findUnique({ where: { workspaceId } });
  if (!row || !LIVE_STATUSES.has(row.status)) {
    throw new DomainError("CONFLICT", "This workspace has no running subscription to resume.");
  }
  if (!row.cancelAtPeriodEnd) return { resumed: false };
  await syncLocked(workspaceId, row.stripeCustomerId, { actorId: scope.actorId }, () =>
    stripe().subscriptions.update(row.stripeSubscriptionId, { cancel_at_period_end: false }),
  );
  return { resumed: true };
}

/**
 * Where a change reported by Stripe came from, for the log: a new subscription came from
 * Checkout; a change of plan or of the scheduled cancellation, with the status unchanged, was
 * made in the Customer Portal (the only way to make one outside the app); anything else (a
 * failed payment, the end of a period) is Stripe's own.
 */
function viaOf(
  attribution: SyncAttribution,
  change: { created: boolean; statusChanged: boolean },
): { actorId: string | null; via?: AuditVia } {
  if ("actorId" in attribution) return { actorId: attribution.actorId };
  if (attribution.source === "reconcile") return { actorId: null, via: "reconcile" };
  if (change.created) return { actorId: null, via: "stripe_checkout" };
  return { actorId: null, via: change.statusChanged ? "stripe" : "stripe_portal" };
}

/**
 * Writes the workspace's row from `current` (deleting it when none); audits a change of plan or
 * status ("billing.subscription_changed") and, on a subscription still running, a cancellation
 * scheduled or withdrawn ("billing.cancel_scheduled", "billing.subscription_resumed").
 */
async function writeSubscription(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  current: Stripe.Subscription | undefined,
  attribution: SyncAttribution,
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
  const statusChanged = before?.status !== after?.status;
  const who = viaOf(attribution, { created: !before && Boolean(after), statusChanged });
  if (planBefore !== planAfter || statusChanged) {
    await recordAudit(tx, {
      workspaceId,
      ...who,
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
  const sameSubscription = before && fields?.stripeSubscriptionId === before.stripeSubscriptionId;
  if (
    sameSubscription &&
    LIVE_STATUSES.has(fields.status) &&
    before.cancelAtPeriodEnd !== fields.cancelAtPeriodEnd
  ) {
    const endsAt = fields.cancelAt ?? fields.currentPeriodEnd;
    await recordAudit(tx, {
      workspaceId,
      ...who,
      action: fields.cancelAtPeriodEnd
        ? "billing.cancel_scheduled"
        : "billing.subscription_resumed",
      targetType: "workspace",
      targetId: workspaceId,
      metadata: {
        plan: planAfter,
        ...(fields.cancelAtPeriodEnd && { endsAt: endsAt.toISOString() }),
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
      await syncCustomer(stripeCustomerId!, undefined, { source: "reconcile" });
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
