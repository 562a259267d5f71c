/**
 * Billing: one Stripe customer per workspace, Checkout and Customer Portal sessions, and the sync
 * that copies a customer's subscription from Stripe into the `Subscription` row.
 *
 * The row is only ever written from what Stripe returns (webhooks and reconcile call
 * {@link syncCustomer}, which re-reads the customer's subscriptions), so the order in which webhook
 * events arrive does not matter (https://docs.stripe.com/webhooks#event-ordering).
 */
import "server-only";
import type Stripe from "stripe";
import { env } from "@/env";
import type { Prisma } from "@/generated/prisma/client";
import { effectivePlan } from "@/server/billing/entitlements";
import { PLANS, type BillingInterval, type PlanSlug } from "@/server/billing/plans";
import { priceById, priceFor } from "@/server/billing/prices";
import { stripe } from "@/server/billing/stripe";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { logger } from "@/server/log";
import { recordAudit } from "@/server/services/audit";
import type { WorkspaceScope } from "@/server/services/workspaces";

/** Statuses of a subscription that is still running (a new checkout would double-bill). */
const LIVE_STATUSES = new Set(["active", "trialing", "past_due", "unpaid", "paused"]);

/** Preference when a customer has several subscriptions: the first live one, newest first. */
const STATUS_RANK = ["active", "trialing", "past_due", "unpaid", "paused", "incomplete"];

function billingUrl(slug: string, query = ""): string {
  return new URL(`/w/${slug}/billing${query}`, env.APP_URL).toString();
}

/** The workspace's billing state for its billing page, with usage against its limits. */
export async function getBillingOverview(scope: WorkspaceScope) {
  const workspaceId = scope.workspace.id;
  const [subscription, projects, members, invitations] = await Promise.all([
    db.subscription.findUnique({ where: { workspaceId } }),
    db.project.count({ where: { workspaceId } }),
    db.membership.count({ where: { workspaceId } }),
    db.invitation.count({ where: { workspaceId } }),
  ]);
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
    usage: { projects, members: members + invitations },
    /** False while a subscription runs: plan changes then go through the portal. */
    canSubscribe: !subscription || !LIVE_STATUSES.has(subscription.status),
  };
}

/**
 * The workspace's Stripe customer id, creating the customer on first use. The idempotency key makes
 * concurrent first calls create one customer (https://docs.stripe.com/api/idempotent_requests).
 */
async function ensureCustomer(scope: WorkspaceScope): Promise<string> {
  const { workspace } = scope;
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
async function expireOpenCheckouts(customer: string): Promise<void> {
  const open = await stripe().checkout.sessions.list({ customer, status: "open", limit: 20 });
  for (const session of open.data) await stripe().checkout.sessions.expire(session.id);
}

/**
 * A Stripe Checkout session that subscribes the workspace to `plan` billed every `interval`;
 * per-seat plans buy one seat per member. Any other open Checkout of the workspace is expired
 * first, so two tabs cannot both pay. Returns the URL to send the browser to.
 * @throws DomainError CONFLICT when the workspace already has a running subscription (plan
 *   changes go through the portal), BAD_REQUEST when the plan has no price for that interval.
 */
export async function createCheckoutSession(
  scope: WorkspaceScope,
  input: { plan: Exclude<PlanSlug, "free">; interval: BillingInterval },
): Promise<{ url: string }> {
  const { workspace } = scope;
  const price = priceFor(input.plan, input.interval);
  if (!price) {
    throw new DomainError(
      "BAD_REQUEST",
      `${PLANS[input.plan].name} has no ${input.interval}ly price.`,
      "interval",
    );
  }
  const existing = await db.subscription.findUnique({ where: { workspaceId: workspace.id } });
  if (existing && LIVE_STATUSES.has(existing.status)) {
    throw new DomainError(
      "CONFLICT",
      "This workspace already has a subscription: change or cancel it in the billing portal.",
    );
  }
  const customer = await ensureCustomer(scope);
  // Stripe, not our row (written only when the webhook arrives), decides whether one is running.
  const running = await stripe().subscriptions.list({ customer, status: "all", limit: 20 });
  if (running.data.some((sub) => LIVE_STATUSES.has(sub.status))) {
    throw new DomainError(
      "CONFLICT",
      "This workspace already has a subscription: change or cancel it in the billing portal.",
    );
  }
  await expireOpenCheckouts(customer);
  const seats = PLANS[input.plan].perSeat
    ? await db.membership.count({ where: { workspaceId: workspace.id } })
    : 1;
  const session = await stripe().checkout.sessions.create({
    mode: "subscription",
    customer,
    client_reference_id: workspace.id,
    line_items: [{ price: price.id, quantity: seats }],
    success_url: billingUrl(workspace.slug, "?checkout=success&session_id={CHECKOUT_SESSION_ID}"),
    cancel_url: billingUrl(workspace.slug, "?checkout=canceled"),
    metadata: { workspaceId: workspace.id },
    subscription_data: { metadata: { workspaceId: workspace.id } },
  });
  if (!session.url) throw new Error(`Checkout session ${session.id} has no URL.`);
  return { url: session.url };
}

/**
 * A Stripe Customer Portal session (change plan, cancel, resume, update the card) returning to the
 * billing page. @throws DomainError BAD_REQUEST when the workspace has never subscribed.
 */
export async function createPortalSession(scope: WorkspaceScope): Promise<{ url: string }> {
  const { stripeCustomerId } = await db.workspace.findUniqueOrThrow({
    where: { id: scope.workspace.id },
    select: { stripeCustomerId: true },
  });
  if (!stripeCustomerId) {
    throw new DomainError(
      "BAD_REQUEST",
      "This workspace has no billing account yet: subscribe first.",
    );
  }
  const session = await stripe().billingPortal.sessions.create({
    customer: stripeCustomerId,
    return_url: billingUrl(scope.workspace.slug),
  });
  return { url: session.url };
}

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
  if (!current) {
    if (before) await tx.subscription.delete({ where: { workspaceId } });
  } else {
    const fields = subscriptionFields(current);
    await tx.subscription.upsert({
      where: { workspaceId },
      create: { workspaceId, ...fields },
      update: fields,
    });
  }
  const after = current
    ? { status: current.status, planSlug: subscriptionFields(current).planSlug }
    : null;
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

/**
 * Cancels, immediately, every running Stripe subscription of these workspaces, and expires their
 * open Checkout sessions: called before a workspace (or the account owning it) is deleted, so
 * nobody keeps paying, or starts paying, for a workspace that is gone. Workspaces that never
 * subscribed cost no Stripe call.
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
