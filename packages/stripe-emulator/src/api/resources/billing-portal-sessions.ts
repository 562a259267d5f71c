/** /v1/billing_portal/sessions: create a Customer Portal session (the portal is hosted.ts). */
import type Stripe from "stripe";
import { buildPortalSession } from "../../objects";
import { newId } from "../../store";
import { find, optionalString, requiredString } from "../params";
import type { Route, RouteInput } from "../request";

function createPortalSessionRoute({
  ctx,
  params,
  cause,
}: RouteInput): Stripe.BillingPortal.Session {
  const customer = requiredString(params, "customer");
  find(ctx.store.state.customers, customer, "customer", "customer");
  const id = newId("bps");
  const session = buildPortalSession(
    { id, created: cause.at },
    {
      customer,
      returnUrl: optionalString(params, "return_url") ?? null,
      url: `${ctx.baseUrl}/portal/${id}`,
    },
  );
  ctx.store.state.portalSessions[id] = session;
  return session;
}

export const billingPortalSessionRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/v1\/billing_portal\/sessions$/,
    handler: createPortalSessionRoute,
  },
];
