/**
 * /v1/subscriptions: list (by customer, price, status; canceled ones only when asked), retrieve,
 * update (metadata, default payment method, its one item's price or quantity, cancel at period
 * end), cancel. Subscriptions are created by completing a Checkout session (hosted.ts).
 */
import type Stripe from "stripe";
import {
  applyCancelAtPeriodEnd,
  applyItemChange,
  endSubscription,
  idOf,
  itemOf,
  updateSubscription,
} from "../../billing";
import { invalidParam, resourceMissing, StripeApiError } from "../../errors";
import { str } from "../../http";
import { newestFirst } from "../../store";
import {
  booleanParam,
  find,
  integerParam,
  metadataParam,
  optionalString,
  paginate,
  stringKeyedList,
} from "../params";
import { ID, type Route, type RouteInput } from "../request";

const ENDED_STATUSES = new Set(["canceled", "incomplete_expired"]);

function listSubscriptionsRoute({
  ctx,
  params,
  path,
}: RouteInput): Stripe.ApiList<Stripe.Subscription> {
  const customer = str(params.customer);
  const price = str(params.price);
  const status = str(params.status);
  // As Stripe: filtering by a customer that does not exist is an error, not an empty list.
  if (customer) find(ctx.store.state.customers, customer, "customer", "customer");
  const subscriptions = newestFirst(ctx.store.state.subscriptions).filter((sub) => {
    if (customer && idOf(sub.customer) !== customer) return false;
    if (price && !sub.items.data.some((item) => item.price.id === price)) return false;
    if (status === "all") return true;
    if (status === "ended") return ENDED_STATUSES.has(sub.status);
    if (status) return sub.status === status;
    return sub.status !== "canceled";
  });
  return paginate(subscriptions, params, path);
}

function updateSubscriptionRoute({ ctx, params, id, cause }: RouteInput): Stripe.Subscription {
  const { state } = ctx.store;
  const subscription = find(state.subscriptions, id, "subscription", "id");
  const prorationBehavior = str(params.proration_behavior);
  if (
    prorationBehavior &&
    !["create_prorations", "none", "always_invoice"].includes(prorationBehavior)
  ) {
    throw invalidParam(
      "proration_behavior",
      `Invalid proration_behavior: must be one of create_prorations, none, or always_invoice`,
    );
  }
  const cancelAtPeriodEnd = booleanParam(params, "cancel_at_period_end");
  const items = stringKeyedList(params.items);
  const defaultPm = optionalString(params, "default_payment_method");
  const allowedWhenCanceled = new Set(["metadata", "cancellation_details", "expand"]);
  if (
    subscription.status === "canceled" &&
    Object.keys(params).some((key) => !allowedWhenCanceled.has(key))
  ) {
    throw invalidParam(
      Object.keys(params).find((key) => !allowedWhenCanceled.has(key)) ?? "id",
      "A canceled subscription can only update its cancellation_details and metadata.",
    );
  }
  // Validate everything before changing anything.
  const item = itemOf(subscription);
  let change: { price?: Stripe.Price; quantity?: number } | undefined;
  if (items.length > 1) {
    throw invalidParam("items", "The Stripe emulator supports one item per subscription.");
  }
  const itemParams = items[0];
  if (itemParams) {
    const itemId = str(itemParams.id);
    if (itemId && itemId !== item.id)
      throw resourceMissing("subscription_item", itemId, "items[0][id]");
    if (!itemId && str(itemParams.price) && str(itemParams.price) !== item.price.id) {
      throw invalidParam(
        "items[0][id]",
        "The Stripe emulator supports one item per subscription: pass items[0][id] to change its price.",
      );
    }
    const priceId = str(itemParams.price);
    change = {
      price: priceId ? find(state.prices, priceId, "price", "items[0][price]") : undefined,
      quantity: integerParam(itemParams, "quantity", "items[0][quantity]", 1),
    };
  }
  if (defaultPm) find(state.paymentMethods, defaultPm, "PaymentMethod", "default_payment_method");
  updateSubscription(ctx, subscription, cause, () => {
    subscription.metadata = metadataParam(params, subscription.metadata);
    if (defaultPm !== undefined) subscription.default_payment_method = defaultPm;
    if (change) applyItemChange(ctx, subscription, change, cause);
    if (cancelAtPeriodEnd !== undefined)
      applyCancelAtPeriodEnd(subscription, cancelAtPeriodEnd, cause.at);
  });
  return subscription;
}

function cancelSubscriptionRoute({ ctx, id, cause }: RouteInput): Stripe.Subscription {
  const subscription = find(ctx.store.state.subscriptions, id, "subscription", "id");
  if (subscription.status === "canceled") {
    throw new StripeApiError(
      404,
      "invalid_request_error",
      `No such subscription: '${id}'`,
      "id",
      "resource_missing",
    );
  }
  subscription.canceled_at = cause.at;
  endSubscription(ctx, subscription, cause, cause.at, "cancellation_requested");
  return subscription;
}

export const subscriptionRoutes: Route[] = [
  { method: "GET", pattern: /^\/v1\/subscriptions$/, handler: listSubscriptionsRoute },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/subscriptions/${ID}$`),
    handler: ({ ctx, id }) => find(ctx.store.state.subscriptions, id, "subscription", "id"),
  },
  {
    method: "POST",
    pattern: new RegExp(`^/v1/subscriptions/${ID}$`),
    handler: updateSubscriptionRoute,
  },
  {
    method: "DELETE",
    pattern: new RegExp(`^/v1/subscriptions/${ID}$`),
    handler: cancelSubscriptionRoute,
  },
];
