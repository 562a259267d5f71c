/**
 * Builders of the Stripe objects the emulator serves, each typed by the `stripe` package's own
 * type (`satisfies Stripe.X`): a missing required field, or a wrong value where Stripe gives null,
 * fails the typecheck. Times are unix seconds (the emulator clock); amounts are integer cents.
 * Builders are pure: ids and times come from the caller.
 */
import Stripe from "stripe";

/** Fields every built object's creation needs. `created` is unix seconds. */
export interface Stamp {
  id: string;
  created: number;
}

/** Stripe's list envelope over `data` (already sliced to the page). */
export function buildList<T>(data: T[], hasMore: boolean, url: string): Stripe.ApiList<T> {
  return { object: "list", data, has_more: hasMore, url } satisfies Stripe.ApiList<T>;
}

/** A customer. `defaultPaymentMethod` is the `pm_` id renewals charge. */
export function buildCustomer(
  stamp: Stamp,
  fields: {
    email: string | null;
    name: string | null;
    description: string | null;
    metadata: Stripe.Metadata;
  },
): Stripe.Customer {
  return {
    id: stamp.id,
    object: "customer",
    address: null,
    balance: 0,
    created: stamp.created,
    currency: null,
    default_source: null,
    delinquent: false,
    description: fields.description,
    discount: null,
    email: fields.email,
    invoice_prefix: stamp.id.slice(4, 12).toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: fields.metadata,
    name: fields.name,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  } satisfies Stripe.Customer;
}

/** A product (a plan, in this app). */
export function buildProduct(
  stamp: Stamp,
  fields: { name: string; description: string | null; active: boolean; metadata: Stripe.Metadata },
): Stripe.Product {
  return {
    id: stamp.id,
    object: "product",
    active: fields.active,
    created: stamp.created,
    default_price: null,
    description: fields.description,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: fields.metadata,
    name: fields.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    tax_details: null,
    type: "service",
    unit_label: null,
    updated: stamp.created,
    url: null,
  } satisfies Stripe.Product;
}

/** A recurring price of `unitAmount` cents of `currency` every `interval`. */
export function buildPrice(
  stamp: Stamp,
  fields: {
    product: string;
    unitAmount: number;
    currency: string;
    interval: Stripe.Price.Recurring.Interval;
    intervalCount: number;
    lookupKey: string | null;
    nickname: string | null;
    active: boolean;
    metadata: Stripe.Metadata;
  },
): Stripe.Price {
  return {
    id: stamp.id,
    object: "price",
    active: fields.active,
    billing_scheme: "per_unit",
    created: stamp.created,
    currency: fields.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: fields.lookupKey,
    metadata: fields.metadata,
    nickname: fields.nickname,
    product: fields.product,
    recurring: {
      interval: fields.interval,
      interval_count: fields.intervalCount,
      meter: null,
      trial_period_days: null,
      usage_type: "licensed",
    },
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: "recurring",
    unit_amount: fields.unitAmount,
    unit_amount_decimal: Stripe.Decimal.from(fields.unitAmount),
  } satisfies Stripe.Price;
}

/** The legacy `plan` Stripe still mirrors on subscription items, from a recurring price. */
export function buildPlan(price: Stripe.Price): Stripe.Plan {
  return {
    id: price.id,
    object: "plan",
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: "per_unit",
    created: price.created,
    currency: price.currency,
    interval: price.recurring?.interval ?? "month",
    interval_count: price.recurring?.interval_count ?? 1,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: typeof price.product === "string" ? price.product : price.product.id,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: "licensed",
  } satisfies Stripe.Plan;
}

/** A card payment method. `expYear` is four digits. */
export function buildCardPaymentMethod(
  stamp: Stamp,
  fields: {
    customer: string | null;
    last4: string;
    brand: string;
    expMonth: number;
    expYear: number;
    name: string | null;
    fingerprint: string;
  },
): Stripe.PaymentMethod {
  return {
    id: stamp.id,
    object: "payment_method",
    allow_redisplay: "always",
    billing_details: {
      address: null,
      email: null,
      name: fields.name,
      phone: null,
      tax_id: null,
    },
    card: {
      brand: fields.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
      country: "US",
      display_brand: fields.brand,
      exp_month: fields.expMonth,
      exp_year: fields.expYear,
      fingerprint: fields.fingerprint,
      funding: "credit",
      generated_from: null,
      last4: fields.last4,
      networks: { available: [fields.brand], preferred: null },
      regulated_status: "unregulated",
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: stamp.created,
    customer: fields.customer,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: "card",
  } satisfies Stripe.PaymentMethod;
}

/** An open Checkout session in subscription mode. `amount` is cents per unit. */
export function buildCheckoutSession(
  stamp: Stamp,
  fields: {
    url: string;
    customer: string | null;
    customerEmail: string | null;
    clientReferenceId: string | null;
    successUrl: string;
    cancelUrl: string | null;
    currency: string;
    amountTotal: number;
    metadata: Stripe.Metadata;
    allowPromotionCodes: boolean | null;
  },
): Stripe.Checkout.Session {
  return {
    id: stamp.id,
    object: "checkout.session",
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: fields.allowPromotionCodes,
    allowed_payment_method_types: null,
    amount_subtotal: fields.amountTotal,
    amount_total: fields.amountTotal,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: fields.cancelUrl,
    client_reference_id: fields.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: stamp.created,
    currency: fields.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: {
      after_submit: null,
      shipping_address: null,
      submit: null,
      terms_of_service_acceptance: null,
    },
    customer: fields.customer,
    customer_account: null,
    customer_creation: fields.customer ? null : "always",
    customer_details: null,
    customer_email: fields.customerEmail,
    discounts: [],
    expires_at: stamp.created + 24 * 3600,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: null,
    managed_payments: null,
    metadata: fields.metadata,
    mode: "subscription",
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: "always",
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ["card"],
    payment_status: "unpaid",
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: null,
    subscription: null,
    success_url: fields.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted",
    url: fields.url,
    wallet_options: null,
  } satisfies Stripe.Checkout.Session;
}

/** What Checkout records about the buyer once the session completes. */
export function buildCustomerDetails(
  email: string | null,
  name: string | null,
): Stripe.Checkout.Session.CustomerDetails {
  return {
    address: null,
    business_name: null,
    email,
    individual_name: null,
    name,
    phone: null,
    tax_exempt: "none",
    tax_ids: [],
  } satisfies Stripe.Checkout.Session.CustomerDetails;
}

/** A Customer Portal session. */
export function buildPortalSession(
  stamp: Stamp,
  fields: { customer: string; returnUrl: string | null; url: string },
): Stripe.BillingPortal.Session {
  return {
    id: stamp.id,
    object: "billing_portal.session",
    configuration: "bpc_emulator_default",
    created: stamp.created,
    customer: fields.customer,
    customer_account: null,
    flow: null,
    livemode: false,
    locale: null,
    on_behalf_of: null,
    return_url: fields.returnUrl,
    url: fields.url,
  } satisfies Stripe.BillingPortal.Session;
}

/** A subscription item: `quantity` units of `price`, billed for [periodStart, periodEnd). */
export function buildSubscriptionItem(
  stamp: Stamp,
  fields: {
    subscription: string;
    price: Stripe.Price;
    quantity: number;
    periodStart: number;
    periodEnd: number;
  },
): Stripe.SubscriptionItem {
  return {
    id: stamp.id,
    object: "subscription_item",
    billing_thresholds: null,
    created: stamp.created,
    current_period_end: fields.periodEnd,
    current_period_start: fields.periodStart,
    current_trial: null,
    discounts: [],
    metadata: {},
    plan: buildPlan(fields.price),
    price: fields.price,
    quantity: fields.quantity,
    subscription: fields.subscription,
    tax_rates: [],
  } satisfies Stripe.SubscriptionItem;
}

/** A subscription of one item. `trialEnd` null when there is no trial. */
export function buildSubscription(
  stamp: Stamp,
  fields: {
    customer: string;
    item: Stripe.SubscriptionItem;
    status: Stripe.Subscription.Status;
    currency: string;
    metadata: Stripe.Metadata;
    defaultPaymentMethod: string | null;
    latestInvoice: string | null;
    trialStart: number | null;
    trialEnd: number | null;
  },
): Stripe.Subscription {
  return {
    id: stamp.id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: fields.trialEnd ?? fields.item.current_period_start,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: { proration_discounts: "included" }, type: "flexible" },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: "charge_automatically",
    created: stamp.created,
    currency: fields.currency,
    customer: fields.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: fields.defaultPaymentMethod,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    ended_at: null,
    invoice_settings: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: { type: "self" },
    },
    items: buildList([fields.item], false, `/v1/subscription_items?subscription=${stamp.id}`),
    latest_invoice: fields.latestInvoice,
    livemode: false,
    managed_payments: null,
    metadata: fields.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: {
      payment_method_options: null,
      payment_method_types: null,
      save_default_payment_method: "off",
    },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: stamp.created,
    status: fields.status,
    test_clock: null,
    transfer_data: null,
    trial_end: fields.trialEnd,
    trial_settings: {
      end_behavior: { billing_cycle_anchor: null, missing_payment_method: "create_invoice" },
    },
    trial_start: fields.trialStart,
  } satisfies Stripe.Subscription;
}

/**
 * A finalized subscription invoice for one item's period, `paid` or `open` (a failed attempt).
 * `paidAt` is the payment time, null when unpaid.
 */
export function buildSubscriptionInvoice(
  stamp: Stamp,
  fields: {
    number: string;
    lineId: string;
    customer: Stripe.Customer;
    subscription: Stripe.Subscription;
    item: Stripe.SubscriptionItem;
    periodStart: number;
    periodEnd: number;
    billingReason: Stripe.Invoice.BillingReason;
    paidAt: number | null;
    nextPaymentAttempt: number | null;
    defaultPaymentMethod: string | null;
  },
): Stripe.Invoice {
  const { item, subscription } = fields;
  const unitAmount =
    fields.billingReason === "subscription_create" && subscription.trial_end
      ? 0
      : (item.price.unit_amount ?? 0);
  const quantity = item.quantity ?? 1;
  const total = unitAmount * quantity;
  const paid = fields.paidAt !== null;
  const productId =
    typeof item.price.product === "string" ? item.price.product : item.price.product.id;
  const line = {
    id: fields.lineId,
    object: "line_item",
    amount: total,
    currency: item.price.currency,
    description: `${quantity} × ${item.price.nickname ?? productId} (at ${formatCents(unitAmount, item.price.currency)} / ${item.price.recurring?.interval ?? "month"})`,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: stamp.id,
    livemode: false,
    metadata: {},
    parent: {
      type: "subscription_item_details",
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: null,
        proration: false,
        proration_details: { credited_items: null },
        subscription: subscription.id,
        subscription_item: item.id,
      },
    },
    period: { start: fields.periodStart, end: fields.periodEnd },
    pretax_credit_amounts: [],
    pricing: {
      type: "price_details",
      price_details: { price: item.price.id, product: productId },
      unit_amount_decimal: Stripe.Decimal.from(unitAmount),
    },
    quantity,
    quantity_decimal: Stripe.Decimal.from(quantity),
    subscription: subscription.id,
    subtotal: total,
    taxes: [],
  } satisfies Stripe.InvoiceLineItem;
  return {
    id: stamp.id,
    object: "invoice",
    account_country: "US",
    account_name: "Stripe emulator",
    account_tax_ids: null,
    amount_due: total,
    amount_overpaid: 0,
    amount_paid: paid ? total : 0,
    amount_remaining: paid ? 0 : total,
    amount_shipping: 0,
    application: null,
    attempt_count: 1,
    attempted: true,
    auto_advance: !paid,
    automatic_tax: {
      disabled_reason: null,
      enabled: false,
      liability: null,
      provider: null,
      status: null,
    },
    automatically_finalizes_at: null,
    billing_reason: fields.billingReason,
    collection_method: "charge_automatically",
    created: stamp.created,
    currency: item.price.currency,
    custom_fields: null,
    customer: fields.customer.id,
    customer_account: null,
    customer_address: null,
    customer_email: fields.customer.email,
    customer_name: fields.customer.name ?? null,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: "none",
    customer_tax_ids: [],
    default_payment_method: fields.defaultPaymentMethod,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: stamp.created,
    ending_balance: 0,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: buildList([line], false, `/v1/invoices/${stamp.id}/lines`),
    livemode: false,
    metadata: {},
    next_payment_attempt: fields.nextPaymentAttempt,
    number: fields.number,
    on_behalf_of: null,
    parent: {
      type: "subscription_details",
      quote_details: null,
      subscription_details: { metadata: subscription.metadata, subscription: subscription.id },
    },
    payment_settings: {
      default_mandate: null,
      payment_method_options: null,
      payment_method_types: null,
    },
    period_end: fields.periodEnd,
    period_start: fields.periodStart,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: paid ? "paid" : "open",
    status_transitions: {
      finalized_at: stamp.created,
      marked_uncollectible_at: null,
      paid_at: fields.paidAt,
      voided_at: null,
    },
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: null,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: stamp.created,
  } satisfies Stripe.Invoice;
}

/** Fields shared by every event. `request` is null for events no API request caused. */
export interface EventStamp extends Stamp {
  pendingWebhooks: number;
  request: Stripe.Event.Request;
}

function eventBase(stamp: EventStamp) {
  return {
    id: stamp.id,
    object: "event" as const,
    api_version: Stripe.API_VERSION,
    created: stamp.created,
    livemode: false,
    pending_webhooks: stamp.pendingWebhooks,
    request: stamp.request,
  };
}

/** The events the emulator emits, by type, with the object each carries. */
export type EmulatorEvent =
  | Stripe.CustomerSubscriptionCreatedEvent
  | Stripe.CustomerSubscriptionUpdatedEvent
  | Stripe.CustomerSubscriptionDeletedEvent
  | Stripe.InvoicePaidEvent
  | Stripe.InvoicePaymentFailedEvent
  | Stripe.CheckoutSessionCompletedEvent;

export type SubscriptionEventType =
  | "customer.subscription.created"
  | "customer.subscription.updated"
  | "customer.subscription.deleted";

/** A `customer.subscription.*` event; `previous` lists changed fields' old values (updated). */
export function buildSubscriptionEvent(
  stamp: EventStamp,
  type: SubscriptionEventType,
  subscription: Stripe.Subscription,
  previous?: Partial<Stripe.Subscription>,
): EmulatorEvent {
  const base = eventBase(stamp);
  switch (type) {
    case "customer.subscription.created":
      return {
        ...base,
        type,
        data: { object: subscription },
      } satisfies Stripe.CustomerSubscriptionCreatedEvent;
    case "customer.subscription.deleted":
      return {
        ...base,
        type,
        data: { object: subscription },
      } satisfies Stripe.CustomerSubscriptionDeletedEvent;
    case "customer.subscription.updated":
      return {
        ...base,
        type,
        data: { object: subscription, previous_attributes: previous ?? {} },
      } satisfies Stripe.CustomerSubscriptionUpdatedEvent;
  }
}

/** An `invoice.paid` or `invoice.payment_failed` event. */
export function buildInvoiceEvent(
  stamp: EventStamp,
  type: "invoice.paid" | "invoice.payment_failed",
  invoice: Stripe.Invoice,
): EmulatorEvent {
  const base = eventBase(stamp);
  return type === "invoice.paid"
    ? ({ ...base, type, data: { object: invoice } } satisfies Stripe.InvoicePaidEvent)
    : ({ ...base, type, data: { object: invoice } } satisfies Stripe.InvoicePaymentFailedEvent);
}

/** A `checkout.session.completed` event. */
export function buildCheckoutCompletedEvent(
  stamp: EventStamp,
  session: Stripe.Checkout.Session,
): EmulatorEvent {
  return {
    ...eventBase(stamp),
    type: "checkout.session.completed",
    data: { object: session },
  } satisfies Stripe.CheckoutSessionCompletedEvent;
}

/** "$19.00" from 1900 cents of "usd" (en-US formatting, the currency's own symbol). */
export function formatCents(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: currency.toUpperCase(),
  }).format(cents / 100);
}
