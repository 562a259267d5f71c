import { createCheckoutSessionInput } from "@/schemas/billing";
import { workspaceInput } from "@/schemas/workspace";
import { createTRPCRouter, publicProcedure, workspaceProcedure } from "@/server/api/init";
import { PLAN_LIST } from "@/server/billing/plans";
import {
  createCheckoutSession,
  createPortalSession,
  getBillingOverview,
} from "@/server/services/billing";

/** A workspace's plan and subscription, and the Stripe pages that change them. */
export const billingRouter = createTRPCRouter({
  /** The plans in code with their prices (cents) and entitlements. */
  plans: publicProcedure.query(() => PLAN_LIST),

  /** Plan, subscription status, renewal or cancellation date, seats and usage. */
  subscription: workspaceProcedure()
    .input(workspaceInput)
    .query(({ ctx }) => getBillingOverview(ctx.scope)),

  /** `{ url }` of a Stripe Checkout page subscribing the workspace. */
  createCheckoutSession: workspaceProcedure("billing:manage")
    .input(createCheckoutSessionInput)
    .mutation(({ ctx, input }) =>
      createCheckoutSession(ctx.scope, { plan: input.plan, interval: input.interval }),
    ),

  /** `{ url }` of the Stripe Customer Portal for this workspace. */
  createPortalSession: workspaceProcedure("billing:manage")
    .input(workspaceInput)
    .mutation(({ ctx }) => createPortalSession(ctx.scope)),
});
