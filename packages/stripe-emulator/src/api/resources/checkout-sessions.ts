/**
 * /v1/checkout/sessions: create (mode=subscription, one line item), list, retrieve (an open
 * session past its expiry expires), expire. The hosted page that completes a session is hosted.ts.
 */
import type Stripe from "stripe";
import { idOf } from "../../billing";
import { expireIfDue } from "../../clock";
import { invalidParam, missingParam } from "../../errors";
import { record, str } from "../../http";
import { buildCheckoutSession } from "../../objects";
import { newestFirst, newId } from "../../store";
import {
  booleanParam,
  find,
  integerParam,
  metadataParam,
  optionalString,
  paginate,
  requiredString,
  stringKeyedList,
} from "../params";
import { ID, type Route, type RouteInput } from "../request";

function createCheckoutSessionRoute({ ctx, params, cause }: RouteInput): Stripe.Checkout.Session {
  const { state } = ctx.store;
  const mode = requiredString(params, "mode");
  if (mode !== "subscription") {
    throw invalidParam("mode", "The Stripe emulator only supports Checkout in mode=subscription.");
  }
  const customer = str(params.customer) || null;
  if (customer) find(state.customers, customer, "customer", "customer");
  const customerEmail = optionalString(params, "customer_email") ?? null;
  if (customer && customerEmail) {
    throw invalidParam(
      "customer_email",
      "You may only specify one of these parameters: customer, customer_email.",
    );
  }
  const successUrl = requiredString(params, "success_url");
  const cancelUrl = optionalString(params, "cancel_url") ?? null;
  const lineItems = stringKeyedList(params.line_items);
  if (lineItems.length === 0) throw missingParam("line_items");
  if (lineItems.length > 1) {
    throw invalidParam(
      "line_items",
      "The Stripe emulator supports one line item per Checkout session.",
    );
  }
  const line = lineItems[0]!;
  const priceId = requiredString(line, "price", "line_items[0][price]");
  const price = find(state.prices, priceId, "price", "line_items[0][price]");
  if (!price.active) {
    throw invalidParam(
      "line_items[0][price]",
      `The price specified is inactive. This field only accepts active prices.`,
    );
  }
  const quantity = integerParam(line, "quantity", "line_items[0][quantity]", 1) ?? 1;
  const subscriptionData = record(params.subscription_data) ?? {};
  const trialPeriodDays =
    integerParam(
      subscriptionData,
      "trial_period_days",
      "subscription_data[trial_period_days]",
      1,
    ) ?? null;
  const id = newId("cs_test", 58);
  const session = buildCheckoutSession(
    { id, created: cause.at },
    {
      url: `${ctx.baseUrl}/checkout/${id}`,
      customer,
      customerEmail,
      clientReferenceId: optionalString(params, "client_reference_id") ?? null,
      successUrl: successUrl.replaceAll("{CHECKOUT_SESSION_ID}", id),
      cancelUrl,
      currency: price.currency,
      amountTotal: trialPeriodDays ? 0 : (price.unit_amount ?? 0) * quantity,
      metadata: metadataParam(params),
      allowPromotionCodes: booleanParam(params, "allow_promotion_codes") ?? null,
    },
  );
  state.checkoutSessions[id] = session;
  state.checkoutDetails[id] = {
    price: price.id,
    quantity,
    subscriptionMetadata: metadataParam(subscriptionData, {}, "metadata"),
    trialPeriodDays,
  };
  return session;
}

function listCheckoutSessionsRoute({
  ctx,
  params,
  path,
}: RouteInput): Stripe.ApiList<Stripe.Checkout.Session> {
  const customer = str(params.customer);
  const subscription = str(params.subscription);
  const status = str(params.status);
  const sessions = newestFirst(ctx.store.state.checkoutSessions).filter(
    (session) =>
      (!customer || idOf(session.customer) === customer) &&
      (!subscription || idOf(session.subscription) === subscription) &&
      (!status || session.status === status),
  );
  return paginate(sessions, params, path);
}

function retrieveCheckoutSession({ ctx, id }: RouteInput): Stripe.Checkout.Session {
  const session = find(ctx.store.state.checkoutSessions, id, "checkout.session", "session");
  expireIfDue(session, ctx.store.now());
  return session;
}

function expireCheckoutSession({ ctx, id, cause }: RouteInput): Stripe.Checkout.Session {
  const session = find(ctx.store.state.checkoutSessions, id, "checkout.session", "session");
  if (session.status !== "open") {
    throw invalidParam(
      "session",
      `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
    );
  }
  session.status = "expired";
  session.url = null;
  session.expires_at = cause.at;
  return session;
}

export const checkoutSessionRoutes: Route[] = [
  { method: "POST", pattern: /^\/v1\/checkout\/sessions$/, handler: createCheckoutSessionRoute },
  { method: "GET", pattern: /^\/v1\/checkout\/sessions$/, handler: listCheckoutSessionsRoute },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/checkout/sessions/${ID}$`),
    handler: retrieveCheckoutSession,
  },
  {
    method: "POST",
    pattern: new RegExp(`^/v1/checkout/sessions/${ID}/expire$`),
    handler: expireCheckoutSession,
  },
];
