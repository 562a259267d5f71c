/**
 * The browser-facing routes (no API key): hosted Checkout (`/checkout/:cs_id`), the Customer
 * Portal (`/portal/:bps_id`), the developer dashboard (`/`) and the clock control endpoints
 * (`/_emulator/clock`, `/_emulator/clock/advance`). Forms POST back and are answered with a 303
 * redirect, or with the page re-rendered and a `role="alert"` message.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type Stripe from "stripe";
import {
  attachCard,
  changeSubscriptionItem,
  completeCheckout,
  customerCard,
  idOf,
  itemOf,
  productName,
  setCancelAtPeriodEnd,
} from "./billing";
import { type CardInput, checkCard } from "./cards";
import { advanceClock, expireIfDue } from "./clock";
import { automatic, type Context } from "./context";
import { type Params, parseForm, readBody, redirect, sendHtml, sendJson, str } from "./http";
import {
  checkoutPage,
  dashboardPage,
  formatDate,
  formatRecurring,
  messagePage,
  portalPage,
  type PortalPageData,
} from "./pages";
import { newestFirst } from "./store";

const DAY = 24 * 3600;

/** Answers a non-API request; returns false when no hosted route matches. */
export async function handleHosted(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const method = req.method ?? "GET";
  const path = url.pathname;
  if (path === "/" && method === "GET") {
    sendHtml(res, 200, dashboard(ctx));
    return true;
  }
  if (path === "/_emulator/clock" && method === "GET") {
    sendJson(res, 200, JSON.stringify({ now: ctx.store.now() }));
    return true;
  }
  if (path === "/_emulator/clock/advance" && method === "POST") {
    await advanceRoute(ctx, req, res);
    return true;
  }
  const checkout = /^\/checkout\/([A-Za-z0-9_]+)$/.exec(path);
  if (checkout && (method === "GET" || method === "POST")) {
    await checkoutRoute(ctx, req, res, checkout[1]!, method);
    return true;
  }
  const portal = /^\/portal\/([A-Za-z0-9_]+)(?:\/(switch|cancel|resume|card))?$/.exec(path);
  if (portal && (method === "GET" || (method === "POST" && portal[2]))) {
    await portalRoute(ctx, req, res, portal[1]!, portal[2], url);
    return true;
  }
  return false;
}

async function formParams(req: IncomingMessage): Promise<Params> {
  return parseForm(await readBody(req));
}

function field(params: Params, name: string): string {
  return str(params[name]) ?? "";
}

function cardInput(params: Params): CardInput {
  return {
    // "card" is accepted too: the field's name before it was settled.
    number: field(params, "card_number") || field(params, "card"),
    expiry: field(params, "expiry"),
    cvc: field(params, "cvc"),
    name: field(params, "name"),
  };
}

/** `{ "days": n }` or `{ "seconds": n }` as JSON (answers `{ now }`), or the dashboard's form. */
async function advanceRoute(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readBody(req);
  const isForm = (req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded");
  let days: unknown;
  let seconds: unknown;
  if (isForm) {
    days = Number(field(parseForm(body), "days"));
  } else {
    try {
      const json = (body ? JSON.parse(body) : {}) as { days?: unknown; seconds?: unknown };
      days = json.days;
      seconds = json.seconds;
    } catch {
      sendJson(
        res,
        400,
        JSON.stringify({ error: 'The body must be JSON: { "days": n } or { "seconds": n }.' }),
      );
      return;
    }
  }
  const total =
    (typeof days === "number" ? days * DAY : 0) + (typeof seconds === "number" ? seconds : 0);
  if (!Number.isFinite(total) || total < 0) {
    sendJson(res, 400, JSON.stringify({ error: "days/seconds must be non-negative numbers." }));
    return;
  }
  const now = advanceClock(ctx, total);
  if (isForm) redirect(res, "/");
  else sendJson(res, 200, JSON.stringify({ now }));
}

async function checkoutRoute(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  method: string,
): Promise<void> {
  const { state } = ctx.store;
  const session = state.checkoutSessions[id];
  const details = state.checkoutDetails[id];
  const price = details && state.prices[details.price];
  if (!session || !details || !price) {
    sendHtml(res, 404, messagePage("Checkout not found", "This checkout session does not exist."));
    return;
  }
  expireIfDue(session, ctx.store.now());
  if (session.status === "complete") {
    sendHtml(
      res,
      200,
      messagePage(
        "Already paid",
        "This checkout session is already complete.",
        session.success_url ? { href: session.success_url, label: "Continue" } : undefined,
      ),
    );
    return;
  }
  if (session.status !== "open") {
    sendHtml(
      res,
      410,
      messagePage(
        "Checkout expired",
        "This checkout session has expired. Start again from the app.",
        session.cancel_url ? { href: session.cancel_url, label: "Back" } : undefined,
      ),
    );
    return;
  }
  const customer = state.customers[idOf(session.customer) ?? ""];
  const knownEmail = customer?.email ?? session.customer_email;
  const page = (error?: string, values?: { name?: string; expiry?: string; email?: string }) =>
    checkoutPage({
      action: `/checkout/${id}`,
      productName: productName(ctx, price),
      unitAmount: price.unit_amount ?? 0,
      currency: price.currency,
      interval: price.recurring?.interval ?? "month",
      quantity: details.quantity,
      email: knownEmail ?? null,
      trialDays: details.trialPeriodDays,
      cancelUrl: session.cancel_url,
      error,
      values,
    });
  if (method === "GET") {
    sendHtml(res, 200, page());
    return;
  }
  const params = await formParams(req);
  const input = cardInput(params);
  const values = { name: input.name, expiry: input.expiry, email: field(params, "email") };
  const email = knownEmail ?? (field(params, "email").trim() || null);
  if (!email) {
    sendHtml(res, 400, page("Enter your email.", values));
    return;
  }
  const check = checkCard(input, ctx.store.now());
  if (!check.ok) {
    sendHtml(res, check.status, page(check.message, values));
    return;
  }
  completeCheckout(ctx, session, check.card, email);
  ctx.store.save();
  redirect(res, session.success_url ?? "/");
}

/** The customer's subscription the portal manages: the newest one that has not ended. */
function currentSubscription(ctx: Context, customerId: string): Stripe.Subscription | undefined {
  return newestFirst(ctx.store.state.subscriptions).find(
    (sub) =>
      idOf(sub.customer) === customerId &&
      sub.status !== "canceled" &&
      sub.status !== "incomplete_expired",
  );
}

const NOTICES: Record<string, string> = {
  switch: "Your plan was changed.",
  cancel: "Your plan will be canceled at the end of the billing period.",
  resume: "Your plan was resumed.",
  card: "Your card was updated.",
};

async function portalRoute(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  action: string | undefined,
  url: URL,
): Promise<void> {
  const { state } = ctx.store;
  const session = state.portalSessions[id];
  if (!session) {
    sendHtml(
      res,
      404,
      messagePage("Portal not found", "This billing portal session does not exist."),
    );
    return;
  }
  const basePath = `/portal/${id}`;
  const subscription = currentSubscription(ctx, session.customer);
  if (!action) {
    sendHtml(
      res,
      200,
      portalPage(
        portalData(ctx, session, subscription, NOTICES[url.searchParams.get("done") ?? ""]),
      ),
    );
    return;
  }
  const params = await formParams(req);
  const cause = automatic(ctx.store.now());
  if (action === "card") {
    const check = checkCard(cardInput(params), cause.at);
    if (!check.ok) {
      sendHtml(
        res,
        check.status,
        portalPage({ ...portalData(ctx, session, subscription), error: check.message }),
      );
      return;
    }
    attachCard(ctx, session.customer, check.card, cause.at);
  } else if (subscription) {
    if (action === "cancel") setCancelAtPeriodEnd(ctx, subscription, true, cause);
    if (action === "resume") setCancelAtPeriodEnd(ctx, subscription, false, cause);
    if (action === "switch") {
      const price = state.prices[field(params, "price")];
      if (price?.active && price.recurring) {
        changeSubscriptionItem(ctx, subscription, { price }, cause);
      }
    }
  }
  ctx.store.save();
  redirect(res, `${basePath}?done=${action}`);
}

function portalData(
  ctx: Context,
  session: Stripe.BillingPortal.Session,
  subscription: Stripe.Subscription | undefined,
  notice?: string,
): PortalPageData {
  const { state } = ctx.store;
  const customer = state.customers[session.customer];
  const card = customerCard(ctx, session.customer)?.card;
  const base = {
    basePath: `/portal/${session.id}`,
    customerEmail: customer?.email ?? null,
    returnUrl: session.return_url,
    cardText: card
      ? `${card.brand[0]!.toUpperCase()}${card.brand.slice(1)} •••• ${card.last4}`
      : null,
    notice,
  };
  if (!subscription) return { ...base, subscription: null, options: [] };
  const item = itemOf(subscription);
  const quantity = item.quantity ?? 1;
  const interval = item.price.recurring?.interval ?? "month";
  const periodText = subscription.cancel_at_period_end
    ? `Cancels on ${formatDate(subscription.cancel_at ?? item.current_period_end)}`
    : subscription.status === "trialing"
      ? `Trial ends on ${formatDate(subscription.trial_end ?? item.current_period_end)}; renews on ${formatDate(item.current_period_end)}`
      : `Renews on ${formatDate(item.current_period_end)}`;
  const options = Object.values(state.prices)
    .filter(
      (price) =>
        price.active &&
        price.recurring !== null &&
        price.id !== item.price.id &&
        state.products[idOf(price.product) ?? ""]?.active !== false,
    )
    .map((price) => ({
      priceId: price.id,
      label: `Switch to ${productName(ctx, price)} (${price.recurring!.interval}ly)`,
    }));
  return {
    ...base,
    subscription: {
      productName: productName(ctx, item.price),
      priceText: formatRecurring(
        (item.price.unit_amount ?? 0) * quantity,
        item.price.currency,
        interval,
      ),
      quantity,
      status: subscription.status,
      periodText,
      cancelAtPeriodEnd: subscription.cancel_at_period_end,
    },
    options,
  };
}

function dashboard(ctx: Context): string {
  const { state } = ctx.store;
  return dashboardPage({
    now: ctx.store.now(),
    webhookUrl: ctx.webhookUrl ?? null,
    customers: newestFirst(state.customers).map((c) => ({
      id: c.id,
      email: c.email,
      name: c.name ?? null,
    })),
    subscriptions: newestFirst(state.subscriptions).map((s) => {
      const item = itemOf(s);
      return {
        id: s.id,
        customer: idOf(s.customer) ?? "",
        product: `${productName(ctx, item.price)} (${item.price.recurring?.interval ?? "month"}ly${(item.quantity ?? 1) > 1 ? ` × ${item.quantity}` : ""})`,
        status: s.status,
        periodEnd: item.current_period_end,
        cancelAtPeriodEnd: s.cancel_at_period_end,
      };
    }),
    events: newestFirst(state.events)
      .slice(0, 50)
      .map((e) => {
        const delivery = state.deliveries[e.id];
        return {
          id: e.id,
          type: e.type,
          created: e.created,
          delivery: delivery?.status ?? "unknown",
          attempts: delivery?.attempts ?? [],
        };
      }),
  });
}
