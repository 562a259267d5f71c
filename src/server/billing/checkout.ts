/**
 * The Stripe pages that change a workspace's plan: Checkout (subscribe) and the Customer Portal
 * (change plan, cancel, resume, update the card). Both return the URL to send the browser to; the
 * plan itself changes only when Stripe's webhook arrives (src/server/billing/sync.ts).
 */
import "server-only";
import { env } from "@/env";
import {
  ensureCustomer,
  expireOpenCheckouts,
  LIVE_STATUSES,
  type BillingWorkspace,
} from "@/server/billing/customer";
import { PLANS, type BillingInterval, type PlanSlug } from "@/server/billing/plans";
import { priceFor } from "@/server/billing/prices";
import { stripe } from "@/server/billing/stripe";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

function billingUrl(slug: string, query = ""): string {
  return new URL(`/w/${slug}/billing${query}`, env.APP_URL).toString();
}

const ALREADY_SUBSCRIBED =
  "This workspace already has a subscription: change or cancel it in the billing portal.";

/**
 * A Stripe Checkout session that subscribes the workspace to `plan` billed every `interval`;
 * per-seat plans buy one seat per member. Any other open Checkout of the workspace is expired
 * first, so two tabs cannot both pay. Returns `{ url }` of the Checkout page.
 * @throws DomainError CONFLICT when the workspace already has a running subscription (plan
 *   changes go through the portal), BAD_REQUEST on "interval" when the plan has no price for it.
 */
export async function createCheckoutSession(
  scope: { workspace: BillingWorkspace },
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
    throw new DomainError("CONFLICT", ALREADY_SUBSCRIBED);
  }
  const customer = await ensureCustomer(workspace);
  // Stripe, not our row (written only when the webhook arrives), decides whether one is running.
  const running = await stripe().subscriptions.list({ customer, status: "all", limit: 20 });
  if (running.data.some((sub) => LIVE_STATUSES.has(sub.status))) {
    throw new DomainError("CONFLICT", ALREADY_SUBSCRIBED);
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
 * A Stripe Customer Portal session returning to the billing page; `{ url }` of the portal.
 * @throws DomainError BAD_REQUEST when the workspace has never subscribed.
 */
export async function createPortalSession(scope: {
  workspace: BillingWorkspace;
}): Promise<{ url: string }> {
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
