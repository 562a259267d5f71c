/**
 * Billing operations shared by the REST API, the hosted pages and the clock: customers and their
 * cards, completing a Checkout session, invoices, renewals and dunning retries, plan changes and
 * cancellations. Each change records its objects in the store and emits the events Stripe would,
 * in Stripe's order. Times are emulator unix seconds; amounts are cents.
 */
import type Stripe from "stripe";
import { type AcceptedCard, chargeSucceeds } from "./cards";
import { automatic, type Cause, type Context, emitEvent } from "./context";
import {
  buildCardPaymentMethod,
  buildCustomer,
  buildCustomerDetails,
  buildCheckoutCompletedEvent,
  buildInvoiceEvent,
  buildPlan,
  buildSubscription,
  buildSubscriptionEvent,
  buildSubscriptionInvoice,
  buildSubscriptionItem,
} from "./objects";
import { newId, snapshot } from "./store";

const DAY = 24 * 3600;

/** How long a past_due subscription keeps its unpaid invoice before it is canceled, seconds. */
export const DUNNING_PERIOD_SECONDS = 7 * DAY;

/** Delay Stripe announces for its next automatic payment retry (`next_payment_attempt`), seconds. */
const RETRY_HINT_SECONDS = 3 * DAY;

/** `from` (unix seconds) plus `count` intervals; months clamp to the end of shorter months. */
export function addInterval(
  from: number,
  recurring: Pick<Stripe.Price.Recurring, "interval" | "interval_count"> | null,
): number {
  const interval = recurring?.interval ?? "month";
  const count = recurring?.interval_count ?? 1;
  if (interval === "day") return from + count * DAY;
  if (interval === "week") return from + count * 7 * DAY;
  const months = interval === "year" ? 12 * count : count;
  const date = new Date(from * 1000);
  const day = date.getUTCDate();
  const target = new Date(date.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return Math.floor(target.getTime() / 1000);
}

/** An expandable reference's id. */
export function idOf(value: string | { id?: string } | null): string | null {
  if (value === null) return null;
  return typeof value === "string" ? value : (value.id ?? null);
}

/** The product name of `price` ("Pro"), or its product id when the product is unknown. */
export function productName(ctx: Context, price: Stripe.Price): string {
  const id = idOf(price.product) ?? "";
  return ctx.store.state.products[id]?.name ?? id;
}

/** The subscription's single item (the emulator sells one price per subscription). */
export function itemOf(subscription: Stripe.Subscription): Stripe.SubscriptionItem {
  const item = subscription.items.data[0];
  if (!item) throw new Error(`Subscription ${subscription.id} has no items.`);
  return item;
}

/** Creates and stores a customer. */
export function createCustomer(
  ctx: Context,
  at: number,
  fields: Parameters<typeof buildCustomer>[1],
): Stripe.Customer {
  const customer = buildCustomer({ id: newId("cus", 14), created: at }, fields);
  ctx.store.state.customers[customer.id] = customer;
  return customer;
}

/**
 * Stores `card` as a payment method of the customer and makes it the default for invoices and
 * for every subscription of theirs that has not ended.
 */
export function attachCard(
  ctx: Context,
  customerId: string,
  card: AcceptedCard,
  at: number,
): Stripe.PaymentMethod {
  const { state } = ctx.store;
  const paymentMethod = buildCardPaymentMethod(
    { id: newId("pm"), created: at },
    {
      customer: customerId,
      last4: card.last4,
      brand: card.brand,
      expMonth: card.expMonth,
      expYear: card.expYear,
      name: card.name,
      fingerprint: card.fingerprint,
    },
  );
  state.paymentMethods[paymentMethod.id] = paymentMethod;
  const customer = state.customers[customerId];
  if (customer) customer.invoice_settings.default_payment_method = paymentMethod.id;
  for (const subscription of Object.values(state.subscriptions)) {
    if (idOf(subscription.customer) === customerId && subscription.status !== "canceled") {
      subscription.default_payment_method = paymentMethod.id;
    }
  }
  return paymentMethod;
}

/** The payment method a subscription's charges use: its own default, else the customer's. */
export function chargingPaymentMethod(
  ctx: Context,
  subscription: Stripe.Subscription,
): Stripe.PaymentMethod | undefined {
  const { state } = ctx.store;
  const customer = state.customers[idOf(subscription.customer) ?? ""];
  const id =
    idOf(subscription.default_payment_method) ??
    idOf(customer?.invoice_settings.default_payment_method ?? null);
  return id ? state.paymentMethods[id] : undefined;
}

/** The card of `customerId` renewals would charge, if any. */
export function customerCard(ctx: Context, customerId: string): Stripe.PaymentMethod | undefined {
  const customer = ctx.store.state.customers[customerId];
  const id = idOf(customer?.invoice_settings.default_payment_method ?? null);
  return id ? ctx.store.state.paymentMethods[id] : undefined;
}

/**
 * Creates and stores the invoice of the subscription's current item period, paid at `at` or left
 * open after one failed attempt. The caller sets `latest_invoice` and emits the event.
 */
function createInvoice(
  ctx: Context,
  subscription: Stripe.Subscription,
  at: number,
  billingReason: Stripe.Invoice.BillingReason,
  paid: boolean,
): Stripe.Invoice {
  const { state } = ctx.store;
  const item = itemOf(subscription);
  const customer = state.customers[idOf(subscription.customer) ?? ""];
  if (!customer) throw new Error(`Subscription ${subscription.id} has no known customer.`);
  const invoice = buildSubscriptionInvoice(
    { id: newId("in"), created: at },
    {
      number: ctx.store.nextInvoiceNumber(),
      lineId: newId("il"),
      customer,
      subscription,
      item,
      periodStart: item.current_period_start,
      periodEnd: item.current_period_end,
      billingReason,
      paidAt: paid ? at : null,
      nextPaymentAttempt: paid ? null : at + RETRY_HINT_SECONDS,
      defaultPaymentMethod: chargingPaymentMethod(ctx, subscription)?.id ?? null,
    },
  );
  state.invoices[invoice.id] = invoice;
  return invoice;
}

function emitInvoice(ctx: Context, cause: Cause, invoice: Stripe.Invoice): void {
  const type = invoice.status === "paid" ? "invoice.paid" : "invoice.payment_failed";
  const object = snapshot(invoice);
  emitEvent(ctx, cause, (stamp) => buildInvoiceEvent(stamp, type, object));
}

/**
 * Applies `mutate` to the subscription and, when anything changed, emits
 * `customer.subscription.updated` with the changed top-level fields' old values as
 * `previous_attributes` (as Stripe does). Events `mutate` emits come before it.
 */
export function updateSubscription(
  ctx: Context,
  subscription: Stripe.Subscription,
  cause: Cause,
  mutate: () => void,
): void {
  const before = snapshot(subscription) as unknown as Record<string, unknown>;
  mutate();
  const after = snapshot(subscription);
  const previous: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) previous[key] = before[key] ?? null;
  }
  if (Object.keys(previous).length === 0) return;
  emitEvent(ctx, cause, (stamp) =>
    buildSubscriptionEvent(
      stamp,
      "customer.subscription.updated",
      after,
      previous as Partial<Stripe.Subscription>,
    ),
  );
}

/**
 * Completes a Checkout session paid with `card`: customer (created when the session had none),
 * payment method, subscription (active, or trialing with `trial_end`), its first invoice (paid;
 * $0 during a trial), then events `customer.subscription.created`, `invoice.paid`,
 * `checkout.session.completed`, in that order.
 */
export function completeCheckout(
  ctx: Context,
  session: Stripe.Checkout.Session,
  card: AcceptedCard,
  email: string | null,
): Stripe.Subscription {
  const { state } = ctx.store;
  const at = ctx.store.now();
  const details = state.checkoutDetails[session.id];
  const price = details && state.prices[details.price];
  if (!details || !price) throw new Error(`Checkout session ${session.id} sells no known price.`);
  const customerId =
    idOf(session.customer) ??
    createCustomer(ctx, at, {
      email: email ?? session.customer_email,
      name: card.name,
      description: null,
      metadata: {},
    }).id;
  const customer = state.customers[customerId]!;
  const paymentMethod = attachCard(ctx, customerId, card, at);

  const subscriptionId = newId("sub");
  const trialEnd = details.trialPeriodDays ? at + details.trialPeriodDays * DAY : null;
  const item = buildSubscriptionItem(
    { id: newId("si", 14), created: at },
    {
      subscription: subscriptionId,
      price,
      quantity: details.quantity,
      periodStart: at,
      periodEnd: trialEnd ?? addInterval(at, price.recurring),
    },
  );
  const subscription = buildSubscription(
    { id: subscriptionId, created: at },
    {
      customer: customerId,
      item,
      status: trialEnd ? "trialing" : "active",
      currency: price.currency,
      metadata: details.subscriptionMetadata,
      defaultPaymentMethod: paymentMethod.id,
      latestInvoice: null,
      trialStart: trialEnd ? at : null,
      trialEnd,
    },
  );
  state.subscriptions[subscription.id] = subscription;
  state.subscriptionState[subscription.id] = { pastDueSince: null };
  const invoice = createInvoice(ctx, subscription, at, "subscription_create", true);
  subscription.latest_invoice = invoice.id;

  session.status = "complete";
  session.payment_status = trialEnd ? "no_payment_required" : "paid";
  session.customer = customerId;
  session.subscription = subscription.id;
  session.customer_details = buildCustomerDetails(customer.email ?? email, card.name);

  const cause = automatic(at);
  const created = snapshot(subscription);
  emitEvent(ctx, cause, (stamp) =>
    buildSubscriptionEvent(stamp, "customer.subscription.created", created),
  );
  emitInvoice(ctx, cause, invoice);
  const completed = snapshot(session);
  emitEvent(ctx, cause, (stamp) => buildCheckoutCompletedEvent(stamp, completed));
  return subscription;
}

/**
 * Bills the next period of an active or trialing subscription whose period ended at `at`: the
 * period moves one interval forward and a `subscription_cycle` invoice is charged to its card.
 * Paid: `invoice.paid`, status active. Declined (the 0341 card): the invoice stays open,
 * `invoice.payment_failed`, status past_due. Then `customer.subscription.updated`.
 */
export function renewSubscription(
  ctx: Context,
  subscription: Stripe.Subscription,
  at: number,
): void {
  const item = itemOf(subscription);
  const paid = chargeSucceeds(chargingPaymentMethod(ctx, subscription));
  const cause = automatic(at);
  updateSubscription(ctx, subscription, cause, () => {
    item.current_period_start = item.current_period_end;
    item.current_period_end = addInterval(item.current_period_start, item.price.recurring);
    const invoice = createInvoice(ctx, subscription, at, "subscription_cycle", paid);
    subscription.latest_invoice = invoice.id;
    subscription.status = paid ? "active" : "past_due";
    emitInvoice(ctx, cause, invoice);
  });
  ctx.store.state.subscriptionState[subscription.id] = { pastDueSince: paid ? null : at };
}

/**
 * Retries the open invoice of a past_due subscription at `at`. With a card that now works the
 * invoice is paid (`invoice.paid`) and the subscription active again (`updated`); returns
 * whether it was.
 */
export function retryPastDue(ctx: Context, subscription: Stripe.Subscription, at: number): boolean {
  const paymentMethod = chargingPaymentMethod(ctx, subscription);
  if (!chargeSucceeds(paymentMethod)) return false;
  const invoice = ctx.store.state.invoices[idOf(subscription.latest_invoice) ?? ""];
  const cause = automatic(at);
  updateSubscription(ctx, subscription, cause, () => {
    if (invoice && invoice.status === "open") {
      invoice.status = "paid";
      invoice.amount_paid = invoice.amount_due;
      invoice.amount_remaining = 0;
      invoice.attempt_count += 1;
      invoice.auto_advance = false;
      invoice.next_payment_attempt = null;
      invoice.default_payment_method = paymentMethod?.id ?? null;
      invoice.status_transitions.paid_at = at;
      emitInvoice(ctx, cause, invoice);
    }
    subscription.status = "active";
  });
  ctx.store.state.subscriptionState[subscription.id] = { pastDueSince: null };
  return true;
}

/**
 * Schedules (`cancel` true: `cancel_at_period_end`, `cancel_at` = period end, `canceled_at` =
 * `at`) or withdraws the cancellation at period end. Mutation only: run it inside
 * `updateSubscription`, or use `setCancelAtPeriodEnd`.
 */
export function applyCancelAtPeriodEnd(
  subscription: Stripe.Subscription,
  cancel: boolean,
  at: number,
): void {
  if (subscription.cancel_at_period_end === cancel) return;
  subscription.cancel_at_period_end = cancel;
  subscription.cancel_at = cancel ? itemOf(subscription).current_period_end : null;
  subscription.canceled_at = cancel ? at : null;
  subscription.cancellation_details = {
    comment: null,
    feedback: null,
    feedback_option: null,
    reason: cancel ? "cancellation_requested" : null,
  };
}

/** `applyCancelAtPeriodEnd`, then `customer.subscription.updated` when it changed anything. */
export function setCancelAtPeriodEnd(
  ctx: Context,
  subscription: Stripe.Subscription,
  cancel: boolean,
  cause: Cause,
): void {
  updateSubscription(ctx, subscription, cause, () =>
    applyCancelAtPeriodEnd(subscription, cancel, cause.at),
  );
}

/**
 * Ends the subscription at `endedAt`: status canceled, `ended_at`, `canceled_at` (kept when a
 * cancellation was requested earlier); emits `customer.subscription.deleted`.
 */
export function endSubscription(
  ctx: Context,
  subscription: Stripe.Subscription,
  cause: Cause,
  endedAt: number,
  reason: Stripe.Subscription.CancellationDetails.Reason,
): void {
  subscription.status = "canceled";
  subscription.ended_at = endedAt;
  subscription.canceled_at = subscription.canceled_at ?? endedAt;
  subscription.cancellation_details = {
    comment: subscription.cancellation_details?.comment ?? null,
    feedback: subscription.cancellation_details?.feedback ?? null,
    feedback_option: subscription.cancellation_details?.feedback_option ?? null,
    reason,
  };
  ctx.store.state.subscriptionState[subscription.id] = { pastDueSince: null };
  const ended = snapshot(subscription);
  emitEvent(ctx, cause, (stamp) =>
    buildSubscriptionEvent(stamp, "customer.subscription.deleted", ended),
  );
}

/**
 * Changes the subscription's price and/or quantity (proration is not emulated). A change of
 * billing interval restarts the period at `cause.at` and charges it, as Stripe does (emitting
 * `invoice.*`). Mutation: run it inside `updateSubscription`, or use `changeSubscriptionItem`.
 */
export function applyItemChange(
  ctx: Context,
  subscription: Stripe.Subscription,
  change: { price?: Stripe.Price; quantity?: number },
  cause: Cause,
): void {
  const item = itemOf(subscription);
  const oldInterval = item.price.recurring?.interval;
  if (change.price) {
    item.price = change.price;
    item.plan = buildPlan(change.price);
  }
  if (change.quantity !== undefined) item.quantity = change.quantity;
  const intervalChanged = change.price && change.price.recurring?.interval !== oldInterval;
  if (!intervalChanged || subscription.status === "trialing") return;
  const paid = chargeSucceeds(chargingPaymentMethod(ctx, subscription));
  item.current_period_start = cause.at;
  item.current_period_end = addInterval(cause.at, item.price.recurring);
  subscription.billing_cycle_anchor = cause.at;
  if (subscription.cancel_at_period_end) subscription.cancel_at = item.current_period_end;
  const invoice = createInvoice(ctx, subscription, cause.at, "subscription_update", paid);
  subscription.latest_invoice = invoice.id;
  subscription.status = paid ? "active" : "past_due";
  ctx.store.state.subscriptionState[subscription.id] = { pastDueSince: paid ? null : cause.at };
  emitInvoice(ctx, cause, invoice);
}

/** `applyItemChange`, then `customer.subscription.updated`. */
export function changeSubscriptionItem(
  ctx: Context,
  subscription: Stripe.Subscription,
  change: { price?: Stripe.Price; quantity?: number },
  cause: Cause,
): void {
  updateSubscription(ctx, subscription, cause, () =>
    applyItemChange(ctx, subscription, change, cause),
  );
}
