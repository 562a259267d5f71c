/**
 * The REST API under /v1: the part of Stripe's API the app and `stripe:setup` use, answering what
 * api.stripe.com answers to the official SDK (form-encoded parameters in, JSON out, Stripe's
 * errors, lists, `expand[]`, `Idempotency-Key` replay, a `Request-Id` header on every answer).
 * Requests need `Authorization: Bearer sk_test_…`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import Stripe from "stripe";
import {
  applyCancelAtPeriodEnd,
  applyItemChange,
  createCustomer,
  endSubscription,
  idOf,
  itemOf,
  updateSubscription,
} from "./billing";
import { expireIfDue } from "./clock";
import type { Cause, Context } from "./context";
import { invalidParam, missingParam, resourceMissing, StripeApiError } from "./errors";
import { type Params, parseForm, readBody, record, sendJson, str, stringList } from "./http";
import {
  buildCheckoutSession,
  buildList,
  buildPortalSession,
  buildPrice,
  buildProduct,
} from "./objects";
import { newestFirst, newId, snapshot, wallClock } from "./store";

/** What a route handler gets: the parsed parameters, the path id, and the request as a cause. */
interface RouteInput {
  ctx: Context;
  params: Params;
  id: string;
  cause: Cause;
  path: string;
}

interface Route {
  method: "GET" | "POST" | "DELETE";
  pattern: RegExp;
  handler: (input: RouteInput) => unknown;
}

/** Answers one /v1 request. */
export async function handleApi(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const requestId = newId("req", 14);
  const headers: Record<string, string> = {
    "Request-Id": requestId,
    "Stripe-Version": Stripe.API_VERSION,
  };
  const method = req.method ?? "GET";
  const path = url.pathname;
  try {
    authenticate(req.headers.authorization);
    const bodyText = method === "GET" ? "" : await readBody(req);
    const params: Params = { ...parseForm(url.search.slice(1)), ...parseForm(bodyText) };
    const idempotencyKey =
      method === "GET" ? undefined : str(req.headers["idempotency-key"]) || undefined;
    const paramsText = JSON.stringify(params);
    if (idempotencyKey) {
      ctx.store.pruneIdempotency();
      const stored = ctx.store.state.idempotency[idempotencyKey];
      if (stored) {
        if (stored.method !== method || stored.path !== path || stored.params !== paramsText) {
          throw new StripeApiError(
            400,
            "idempotency_error",
            `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          );
        }
        sendJson(res, stored.status, stored.body, { ...headers, "Idempotent-Replayed": "true" });
        return;
      }
    }
    const match = matchRoute(method, path);
    if (!match) {
      throw new StripeApiError(
        404,
        "invalid_request_error",
        `Unrecognized request URL (${method}: ${path}). Please see https://docs.stripe.com or we can help at https://support.stripe.com/.`,
      );
    }
    const result = match.route.handler({
      ctx,
      params,
      id: match.id,
      path,
      cause: {
        at: ctx.store.now(),
        request: { id: requestId, idempotency_key: idempotencyKey ?? null },
      },
    });
    const expanded = expand(ctx, snapshot(result), stringList(params.expand));
    const body = JSON.stringify(expanded, null, 2);
    if (idempotencyKey) {
      ctx.store.state.idempotency[idempotencyKey] = {
        method,
        path,
        params: paramsText,
        status: 200,
        body,
        at: wallClock(),
      };
    }
    if (method !== "GET") ctx.store.save();
    sendJson(res, 200, body, headers);
  } catch (error) {
    const apiError =
      error instanceof StripeApiError
        ? error
        : new StripeApiError(
            500,
            "api_error",
            `The emulator failed: ${error instanceof Error ? error.message : String(error)}`,
          );
    if (!(error instanceof StripeApiError)) ctx.log(`error ${method} ${path}: ${String(error)}`);
    sendJson(res, apiError.status, JSON.stringify(apiError.toBody(), null, 2), headers);
  }
}

function authenticate(header: string | undefined): void {
  const key = header?.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : "";
  if (!key) {
    throw new StripeApiError(
      401,
      "authentication_error",
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (!key.startsWith("sk_test_")) {
    const masked = key.length > 8 ? `${key.slice(0, 8)}${"*".repeat(8)}${key.slice(-4)}` : key;
    throw new StripeApiError(
      401,
      "authentication_error",
      `Invalid API Key provided: ${masked}. The Stripe emulator accepts test-mode secret keys (sk_test_…) only.`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Parameters

function requiredString(params: Params, name: string, label = name): string {
  const value = str(params[name]);
  if (value === undefined || value === "") throw missingParam(label);
  return value;
}

function optionalString(params: Params, name: string): string | null | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value === "") return null;
  if (typeof value !== "string") throw invalidParam(name, `Invalid string: ${name}.`);
  return value;
}

function booleanParam(params: Params, name: string, label = name): boolean | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value === "true") return true;
  if (value === "false") return false;
  throw invalidParam(label, `Invalid boolean: ${String(value)}`, "parameter_invalid_boolean");
}

function integerParam(params: Params, name: string, label = name, min = 0): number | undefined {
  const value = params[name];
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string" || !/^-?\d+$/.test(value) || Number(value) < min) {
    throw invalidParam(
      label,
      `Invalid integer: ${String(value)}${min > 0 ? ` (must be at least ${min})` : ""}`,
      "parameter_invalid_integer",
    );
  }
  return Number(value);
}

/**
 * Stripe's metadata semantics on `current`: `metadata[key]=value` sets, `metadata[key]=` removes,
 * `metadata=` clears.
 */
function metadataParam(
  params: Params,
  current: Stripe.Metadata = {},
  name = "metadata",
): Stripe.Metadata {
  const value = params[name];
  if (value === undefined) return current;
  if (value === "") return {};
  const entries = record(value);
  if (!entries) throw invalidParam(name, `Invalid hash: ${name}.`);
  const result: Stripe.Metadata = { ...current };
  for (const [key, entry] of Object.entries(entries)) {
    if (typeof entry !== "string") throw invalidParam(`${name}[${key}]`, "Invalid string.");
    if (entry === "") delete result[key];
    else result[key] = entry;
  }
  return result;
}

function find<T>(collection: Record<string, T>, id: string, kind: string, param?: string): T {
  const found = collection[id];
  if (!found) throw resourceMissing(kind, id, param);
  return found;
}

/** A page of `items` (newest first) per `limit` (default 10, max 100), `starting_after`, `ending_before`. */
function paginate<T extends { id: string }>(
  items: T[],
  params: Params,
  path: string,
): Stripe.ApiList<T> {
  const limit = integerParam(params, "limit", "limit", 1) ?? 10;
  if (limit > 100) {
    throw invalidParam(
      "limit",
      "This value must be less than or equal to 100.",
      "parameter_invalid_integer",
    );
  }
  const after = str(params.starting_after);
  const before = str(params.ending_before);
  let page = items;
  if (after) {
    const index = items.findIndex((item) => item.id === after);
    if (index === -1) throw resourceMissing("object", after, "starting_after");
    page = items.slice(index + 1);
    return buildList(page.slice(0, limit), page.length > limit, path);
  }
  if (before) {
    const index = items.findIndex((item) => item.id === before);
    if (index === -1) throw resourceMissing("object", before, "ending_before");
    page = items.slice(0, index);
    return buildList(page.slice(-limit), page.length > limit, path);
  }
  return buildList(page.slice(0, limit), page.length > limit, path);
}

// ---------------------------------------------------------------------------------------------
// Expansion

/** Collections an id's prefix points into, for `expand[]`. */
function lookup(ctx: Context, id: string): unknown {
  const { state } = ctx.store;
  const prefix = id.slice(0, id.indexOf("_"));
  const collection: Record<string, unknown> | undefined = {
    cus: state.customers,
    sub: state.subscriptions,
    in: state.invoices,
    pm: state.paymentMethods,
    prod: state.products,
    price: state.prices,
    cs: state.checkoutSessions,
  }[prefix];
  return collection?.[id];
}

/**
 * Replaces ids by objects along each dotted `expand` path ("subscription", "customer",
 * "data.customer", "subscription.latest_invoice"); unknown paths are ignored.
 */
function expand(ctx: Context, value: unknown, paths: string[]): unknown {
  for (const path of paths) expandPath(ctx, value, path.split("."));
  return value;
}

function expandPath(ctx: Context, value: unknown, segments: string[]): void {
  const target = record(value);
  const [head, ...rest] = segments;
  if (!target || head === undefined) return;
  if (target.object === "list" && head === "data" && Array.isArray(target.data)) {
    for (const item of target.data) expandPath(ctx, item, rest);
    return;
  }
  const current = target[head];
  if (typeof current === "string") {
    const found = lookup(ctx, current);
    if (found) target[head] = snapshot(found);
  }
  if (rest.length > 0) expandPath(ctx, target[head], rest);
}

// ---------------------------------------------------------------------------------------------
// Handlers

function createCustomerRoute({ ctx, params, cause }: RouteInput): Stripe.Customer {
  return createCustomer(ctx, cause.at, {
    email: optionalString(params, "email") ?? null,
    name: optionalString(params, "name") ?? null,
    description: optionalString(params, "description") ?? null,
    metadata: metadataParam(params),
  });
}

function updateCustomerRoute({ ctx, params, id }: RouteInput): Stripe.Customer {
  const customer = find(ctx.store.state.customers, id, "customer", "id");
  const email = optionalString(params, "email");
  const name = optionalString(params, "name");
  const description = optionalString(params, "description");
  if (email !== undefined) customer.email = email;
  if (name !== undefined) customer.name = name;
  if (description !== undefined) customer.description = description;
  customer.metadata = metadataParam(params, customer.metadata);
  const defaultPm = str(record(params.invoice_settings)?.default_payment_method);
  if (defaultPm !== undefined) {
    const pm = find(
      ctx.store.state.paymentMethods,
      defaultPm,
      "PaymentMethod",
      "invoice_settings[default_payment_method]",
    );
    customer.invoice_settings.default_payment_method = pm.id;
  }
  return customer;
}

function createProductRoute({ ctx, params, cause }: RouteInput): Stripe.Product {
  const { products } = ctx.store.state;
  const id = optionalString(params, "id") ?? newId("prod", 14);
  if (products[id]) {
    throw invalidParam("id", `Product already exists.`, "resource_already_exists");
  }
  const product = buildProduct(
    { id, created: cause.at },
    {
      name: requiredString(params, "name"),
      description: optionalString(params, "description") ?? null,
      active: booleanParam(params, "active") ?? true,
      metadata: metadataParam(params),
    },
  );
  products[id] = product;
  return product;
}

function updateProductRoute({ ctx, params, id, cause }: RouteInput): Stripe.Product {
  const product = find(ctx.store.state.products, id, "product", "id");
  const name = optionalString(params, "name");
  if (name === null) throw missingParam("name");
  if (name !== undefined) product.name = name;
  const description = optionalString(params, "description");
  if (description !== undefined) product.description = description;
  product.active = booleanParam(params, "active") ?? product.active;
  product.metadata = metadataParam(params, product.metadata);
  product.updated = cause.at;
  return product;
}

/** Frees `lookupKey` for `priceId` (transfer_lookup_key=true) or refuses a taken key. */
function claimLookupKey(
  ctx: Context,
  lookupKey: string,
  transfer: boolean,
  priceId?: string,
): void {
  for (const other of Object.values(ctx.store.state.prices)) {
    if (other.lookup_key !== lookupKey || other.id === priceId) continue;
    if (!transfer) {
      throw invalidParam(
        "lookup_key",
        `A price (\`${other.id}\`) already uses that lookup key.`,
        "lookup_key_already_used",
      );
    }
    other.lookup_key = null;
  }
}

function createPriceRoute({ ctx, params, cause }: RouteInput): Stripe.Price {
  const { state } = ctx.store;
  let productId = str(params.product);
  const productData = record(params.product_data);
  if (!productId && productData) {
    productId = createProductRoute({
      ctx,
      cause,
      params: productData,
      id: "",
      path: "/v1/products",
    }).id;
  }
  if (!productId) throw missingParam("product");
  find(state.products, productId, "product", "product");
  const unitAmount = integerParam(params, "unit_amount");
  if (unitAmount === undefined) throw missingParam("unit_amount");
  const currency = requiredString(params, "currency").toLowerCase();
  const recurring = record(params.recurring);
  if (!recurring) {
    throw invalidParam(
      "recurring",
      "The Stripe emulator only supports recurring prices: pass recurring[interval].",
    );
  }
  const interval = requiredString(recurring, "interval", "recurring[interval]");
  if (!["day", "week", "month", "year"].includes(interval)) {
    throw invalidParam(
      "recurring[interval]",
      `Invalid recurring[interval]: must be one of day, week, month, or year`,
    );
  }
  const lookupKey = optionalString(params, "lookup_key") ?? null;
  if (lookupKey)
    claimLookupKey(ctx, lookupKey, booleanParam(params, "transfer_lookup_key") ?? false);
  const price = buildPrice(
    { id: newId("price"), created: cause.at },
    {
      product: productId,
      unitAmount,
      currency,
      interval: interval as Stripe.Price.Recurring.Interval,
      intervalCount: integerParam(recurring, "interval_count", "recurring[interval_count]", 1) ?? 1,
      lookupKey,
      nickname: optionalString(params, "nickname") ?? null,
      active: booleanParam(params, "active") ?? true,
      metadata: metadataParam(params),
    },
  );
  state.prices[price.id] = price;
  return price;
}

function updatePriceRoute({ ctx, params, id }: RouteInput): Stripe.Price {
  const price = find(ctx.store.state.prices, id, "price", "id");
  price.active = booleanParam(params, "active") ?? price.active;
  const nickname = optionalString(params, "nickname");
  if (nickname !== undefined) price.nickname = nickname;
  const lookupKey = optionalString(params, "lookup_key");
  if (lookupKey) {
    claimLookupKey(ctx, lookupKey, booleanParam(params, "transfer_lookup_key") ?? false, price.id);
  }
  if (lookupKey !== undefined) price.lookup_key = lookupKey;
  price.metadata = metadataParam(params, price.metadata);
  return price;
}

function listPricesRoute({ ctx, params, path }: RouteInput): Stripe.ApiList<Stripe.Price> {
  const lookupKeys = stringList(params.lookup_keys);
  const active = booleanParam(params, "active");
  const product = str(params.product);
  const currency = str(params.currency);
  const type = str(params.type);
  const prices = newestFirst(ctx.store.state.prices).filter(
    (price) =>
      (lookupKeys.length === 0 ||
        (price.lookup_key !== null && lookupKeys.includes(price.lookup_key))) &&
      (active === undefined || price.active === active) &&
      (!product || idOf(price.product) === product) &&
      (!currency || price.currency === currency) &&
      (!type || price.type === type),
  );
  return paginate(prices, params, path);
}

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

/** `line_items[0][price]…` as a list of parameter records, whatever the index encoding. */
function stringKeyedList(value: unknown): Params[] {
  const items = Array.isArray(value) ? value : Object.values(record(value) ?? {});
  return items.map((item) => record(item)).filter((item): item is Params => item !== undefined);
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

function listInvoicesRoute({ ctx, params, path }: RouteInput): Stripe.ApiList<Stripe.Invoice> {
  const customer = str(params.customer);
  const subscription = str(params.subscription);
  const status = str(params.status);
  const invoices = newestFirst(ctx.store.state.invoices).filter(
    (invoice) =>
      (!customer || idOf(invoice.customer) === customer) &&
      (!subscription ||
        idOf(invoice.parent?.subscription_details?.subscription ?? null) === subscription) &&
      (!status || invoice.status === status),
  );
  return paginate(invoices, params, path);
}

function listEventsRoute({ ctx, params, path }: RouteInput): Stripe.ApiList<Stripe.Event> {
  const type = str(params.type);
  const types = stringList(params.types);
  const matches = (eventType: string) =>
    (!type ||
      (type.endsWith("*") ? eventType.startsWith(type.slice(0, -1)) : eventType === type)) &&
    (types.length === 0 || types.includes(eventType));
  const events = newestFirst(ctx.store.state.events).filter((event) => matches(event.type));
  return paginate(events, params, path);
}

const ID = "([A-Za-z0-9_]+)";

const ROUTES: Route[] = [
  { method: "POST", pattern: /^\/v1\/customers$/, handler: createCustomerRoute },
  {
    method: "GET",
    pattern: /^\/v1\/customers$/,
    handler: ({ ctx, params, path }) => {
      const email = str(params.email);
      const customers = newestFirst(ctx.store.state.customers).filter(
        (customer) => !email || customer.email === email,
      );
      return paginate(customers, params, path);
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/customers/${ID}$`),
    handler: ({ ctx, id }) => find(ctx.store.state.customers, id, "customer", "id"),
  },
  { method: "POST", pattern: new RegExp(`^/v1/customers/${ID}$`), handler: updateCustomerRoute },
  { method: "POST", pattern: /^\/v1\/products$/, handler: createProductRoute },
  {
    method: "GET",
    pattern: /^\/v1\/products$/,
    handler: ({ ctx, params, path }) => {
      const active = booleanParam(params, "active");
      const ids = stringList(params.ids);
      const products = newestFirst(ctx.store.state.products).filter(
        (product) =>
          (active === undefined || product.active === active) &&
          (ids.length === 0 || ids.includes(product.id)),
      );
      return paginate(products, params, path);
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/products/${ID}$`),
    handler: ({ ctx, id }) => find(ctx.store.state.products, id, "product", "id"),
  },
  { method: "POST", pattern: new RegExp(`^/v1/products/${ID}$`), handler: updateProductRoute },
  { method: "POST", pattern: /^\/v1\/prices$/, handler: createPriceRoute },
  { method: "GET", pattern: /^\/v1\/prices$/, handler: listPricesRoute },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/prices/${ID}$`),
    handler: ({ ctx, id }) => find(ctx.store.state.prices, id, "price", "id"),
  },
  { method: "POST", pattern: new RegExp(`^/v1/prices/${ID}$`), handler: updatePriceRoute },
  { method: "POST", pattern: /^\/v1\/checkout\/sessions$/, handler: createCheckoutSessionRoute },
  {
    method: "GET",
    pattern: /^\/v1\/checkout\/sessions$/,
    handler: ({ ctx, params, path }) => {
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
    },
  },
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
  {
    method: "POST",
    pattern: /^\/v1\/billing_portal\/sessions$/,
    handler: createPortalSessionRoute,
  },
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
  { method: "GET", pattern: /^\/v1\/invoices$/, handler: listInvoicesRoute },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/invoices/${ID}$`),
    handler: ({ ctx, id }) => find(ctx.store.state.invoices, id, "invoice", "id"),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/payment_methods/${ID}$`),
    handler: ({ ctx, id }) => find(ctx.store.state.paymentMethods, id, "PaymentMethod", "id"),
  },
  { method: "GET", pattern: /^\/v1\/events$/, handler: listEventsRoute },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/events/${ID}$`),
    handler: ({ ctx, id }) => find(ctx.store.state.events, id, "event", "id"),
  },
];

function matchRoute(method: string, path: string): { route: Route; id: string } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match) return { route, id: match[1] ?? "" };
  }
  return undefined;
}
