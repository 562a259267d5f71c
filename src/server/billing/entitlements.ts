/**
 * Entitlements: what a workspace may use, decided by its plan (src/server/billing/plans.ts) and its
 * subscription's status as last synced from Stripe.
 *
 * Which statuses keep the paid plan (https://docs.stripe.com/billing/subscriptions/overview):
 * - `active`, `trialing`: yes;
 * - `past_due`: yes, as a grace period while Stripe retries the payment (Smart Retries); the UI
 *   shows a banner. When the retries are exhausted Stripe cancels (or marks `unpaid`), and the
 *   workspace falls back to Free;
 * - `incomplete` (first payment not made), `incomplete_expired`, `unpaid`, `paused`, `canceled`:
 *   no, the workspace is on Free.
 * A subscription set to cancel at period end keeps its plan until Stripe ends it.
 */
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { formatBytes } from "@/schemas/upload";
import { PLANS, type Entitlements, type PlanSlug } from "@/server/billing/plans";
import { db } from "@/server/db";
import { EntitlementError } from "@/server/errors";
import { lockWorkspace } from "@/server/workspace-locks";

type Tx = Prisma.TransactionClient;

/** Subscription statuses that grant the subscribed plan. */
export const ENTITLED_STATUSES: ReadonlySet<string> = new Set(["active", "trialing", "past_due"]);

/** The plan a workspace is entitled to, from its subscription row (null: never subscribed). */
export function effectivePlan(
  subscription: { status: string; planSlug: string | null } | null,
): PlanSlug {
  if (!subscription || !ENTITLED_STATUSES.has(subscription.status)) return "free";
  const slug = subscription.planSlug;
  return slug === "pro" || slug === "team" ? slug : "free";
}

/** The plan and entitlements of `workspaceId`. */
export async function getEntitlements(
  workspaceId: string,
  client: Tx = db,
): Promise<{ plan: PlanSlug; entitlements: Entitlements }> {
  const subscription = await client.subscription.findUnique({
    where: { workspaceId },
    select: { status: true, planSlug: true },
  });
  const plan = effectivePlan(subscription);
  return { plan, entitlements: PLANS[plan].entitlements };
}

/** The limits that count rows, and how to count them. */
export type CountedEntitlement = "maxProjects" | "maxMembers";

const counters: Record<CountedEntitlement, (tx: Tx, workspaceId: string) => Promise<number>> = {
  maxProjects: (tx, workspaceId) => tx.project.count({ where: { workspaceId } }),
  // Pending invitations hold a seat: otherwise a workspace could invite past its limit.
  maxMembers: async (tx, workspaceId) =>
    (await tx.membership.count({ where: { workspaceId } })) +
    (await tx.invitation.count({ where: { workspaceId } })),
};

const nouns: Record<CountedEntitlement, string> = {
  maxProjects: "projects",
  maxMembers: "members (including pending invitations)",
};

/**
 * Checks that `workspaceId` may add `adding` more of what `entitlement` counts. Inside a
 * transaction, call it before the insert: it locks the workspace row (src/server/workspace-locks.ts),
 * so two concurrent requests cannot both take the last slot.
 * @throws EntitlementError (PAYMENT_REQUIRED) when the plan's limit would be exceeded.
 */
export async function assertEntitlement(
  tx: Tx,
  workspaceId: string,
  entitlement: CountedEntitlement,
  adding = 1,
): Promise<void> {
  await lockWorkspace(tx, workspaceId);
  const { plan, entitlements } = await getEntitlements(workspaceId, tx);
  const limit = entitlements[entitlement];
  if (limit === null) return;
  const used = await counters[entitlement](tx, workspaceId);
  if (used + adding > limit) {
    throw new EntitlementError(
      `The ${PLANS[plan].name} plan allows ${limit} ${nouns[entitlement]}. Upgrade to add more.`,
      { entitlement, limit, plan },
    );
  }
}

/**
 * Checks that the plan of `workspaceId` includes the boolean feature `feature`.
 * @throws EntitlementError (PAYMENT_REQUIRED) when it does not.
 */
export async function assertFeature(
  workspaceId: string,
  feature: "csvExport",
  client: Tx = db,
): Promise<void> {
  const { plan, entitlements } = await getEntitlements(workspaceId, client);
  if (!entitlements[feature]) {
    throw new EntitlementError(`The ${PLANS[plan].name} plan does not include this feature.`, {
      entitlement: feature,
      limit: null,
      plan,
    });
  }
}

/**
 * Checks that `workspaceId` may store `addingBytes` more bytes: its uploads not failed (pending
 * ones hold their declared size, so parallel uploads cannot overshoot) plus `addingBytes` must fit
 * the plan's `storageBytes`. Locks the workspace row like {@link assertEntitlement}.
 * @throws EntitlementError (PAYMENT_REQUIRED) naming the limit when it would be exceeded.
 */
export async function assertStorageAvailable(
  tx: Tx,
  workspaceId: string,
  addingBytes: number,
): Promise<void> {
  await lockWorkspace(tx, workspaceId);
  const { plan, entitlements } = await getEntitlements(workspaceId, tx);
  const limit = entitlements.storageBytes;
  if (limit === null) return;
  const used = await storageUsedBytes(workspaceId, tx);
  if (used + addingBytes > limit) {
    throw new EntitlementError(
      `The ${PLANS[plan].name} plan allows ${formatBytes(limit)} of file storage ` +
        `(${formatBytes(used)} used). Upgrade or delete files to upload this one.`,
      { entitlement: "storageBytes", limit, plan },
    );
  }
}

/** Bytes the workspace's uploads hold or have reserved (every status but failed). */
export async function storageUsedBytes(workspaceId: string, client: Tx = db): Promise<number> {
  const result = await client.upload.aggregate({
    where: { workspaceId, status: { not: "failed" } },
    _sum: { size: true },
  });
  return result._sum.size ?? 0;
}
