import { createCheckoutSessionInput } from "@/schemas/billing";
import { workspaceInput } from "@/schemas/workspace";
import { createTRPCRouter, workspaceProcedure } from "@/server/api/init";
import { createCheckoutSession, createPortalSession } from "@/server/billing/checkout";
import { getBillingOverview } from "@/server/billing/overview";
import { resumeSubscription } from "@/server/billing/sync";

/** A workspace's plan and subscription, and the Stripe pages that change them. */
export const billingRouter = createTRPCRouter({
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

  /**
   * Withdraws a scheduled cancellation (the subscription renews again): `{ resumed }`, false
   * when it was not set to cancel. Same permission as cancelling (in the portal). CONFLICT when
   * the workspace has no running subscription.
   */
  resumeSubscription: workspaceProcedure("billing:manage")
    .input(workspaceInput)
    .mutation(({ ctx }) => resumeSubscription(ctx.scope)),
});
