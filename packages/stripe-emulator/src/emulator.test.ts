/**
 * The Stripe emulator driven by the official SDK, exactly as the app drives api.stripe.com, with a
 * local webhook receiver that verifies every delivery with `stripe.webhooks.constructEvent`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import Stripe from "stripe";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type StripeEmulator, type StripeEmulatorOptions, startStripeEmulator } from "./index";
import { TEST_PRICES } from "./test-prices";

const SECRET = "whsec_test_emulator";
const DAY = 24 * 3600;

interface Delivery {
  event: Stripe.Event;
  status: number;
}

interface Receiver {
  url: string;
  /** Verified events answered 2xx, in arrival order. */
  events: Stripe.Event[];
  /** Every verified attempt with the status answered. */
  attempts: Delivery[];
  /** Deliveries whose signature did not verify. */
  rejected: string[];
  /** The status to answer to the n-th attempt (0-based); default 200. */
  respond: (attempt: number) => number;
  close: () => Promise<void>;
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function startReceiver(): Promise<Receiver> {
  const verifier = new Stripe("sk_test_verifier");
  const receiver: Receiver = {
    url: "",
    events: [],
    attempts: [],
    rejected: [],
    respond: () => 200,
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let event: Stripe.Event;
      try {
        event = verifier.webhooks.constructEvent(
          body,
          String(req.headers["stripe-signature"]),
          SECRET,
        );
      } catch (error) {
        receiver.rejected.push(String(error));
        res.writeHead(400).end();
        return;
      }
      const status = receiver.respond(receiver.attempts.length);
      receiver.attempts.push({ event, status });
      if (status < 300) receiver.events.push(event);
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  receiver.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}

interface Harness {
  emulator: StripeEmulator;
  stripe: Stripe;
  receiver: Receiver;
}

async function setup(options: Partial<StripeEmulatorOptions> = {}): Promise<Harness> {
  const receiver = await startReceiver();
  cleanups.push(receiver.close);
  const emulator = await startStripeEmulator({
    port: 0,
    webhookUrl: receiver.url,
    webhookSecret: SECRET,
    prices: TEST_PRICES,
    retryDelaysMs: [10, 10, 10],
    ...options,
  });
  cleanups.push(emulator.close);
  return { emulator, stripe: client(emulator, "sk_test_emulator"), receiver };
}

function client(emulator: StripeEmulator, key: string): Stripe {
  return new Stripe(key, {
    apiVersion: Stripe.API_VERSION,
    host: "127.0.0.1",
    port: emulator.port,
    protocol: "http",
    maxNetworkRetries: 0,
  });
}

/** POSTs a hosted form like a browser, without following the redirect. */
function postForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

const GOOD_CARD = "4242 4242 4242 4242";
const DECLINED_CARD = "4000 0000 0000 0002";
const FAILS_LATER_CARD = "4000000000000341";

function cardFields(number: string): Record<string, string> {
  return { card_number: number, expiry: "12 / 40", cvc: "123", name: "Ada Lovelace" };
}

async function createSession(
  { stripe }: Harness,
  overrides: Partial<Stripe.Checkout.SessionCreateParams> = {},
) {
  const customer = await stripe.customers.create({
    email: "ada@example.com",
    name: "Acme",
    metadata: { workspaceId: "ws_1" },
  });
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer: customer.id,
    client_reference_id: "ws_1",
    line_items: [{ price: "price_pro_monthly", quantity: 1 }],
    success_url: "http://app.test/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://app.test/billing?checkout=canceled",
    metadata: { workspaceId: "ws_1" },
    subscription_data: { metadata: { workspaceId: "ws_1" } },
    ...overrides,
  });
  return { customer, session };
}

/** Completes a Checkout session with `card`; returns the customer and the subscription. */
async function subscribe(
  harness: Harness,
  card = GOOD_CARD,
  overrides: Partial<Stripe.Checkout.SessionCreateParams> = {},
) {
  const { customer, session } = await createSession(harness, overrides);
  const response = await postForm(session.url!, cardFields(card));
  expect(response.status).toBe(303);
  const done = await harness.stripe.checkout.sessions.retrieve(session.id);
  const subscription = await harness.stripe.subscriptions.retrieve(done.subscription as string);
  await harness.emulator.idle();
  return { customer, session, subscription };
}

function types(events: Stripe.Event[]): string[] {
  return events.map((event) => event.type);
}

describe("REST API", () => {
  it("creates, retrieves and updates a customer", async () => {
    const { stripe } = await setup();
    const created = await stripe.customers.create({
      email: "ada@example.com",
      name: "Acme",
      metadata: { workspaceId: "ws_1" },
    });
    expect(created.id).toMatch(/^cus_/);
    expect(created.lastResponse.requestId).toMatch(/^req_/);
    const fetched = await stripe.customers.retrieve(created.id);
    expect(fetched).toMatchObject({
      id: created.id,
      object: "customer",
      email: "ada@example.com",
      name: "Acme",
      metadata: { workspaceId: "ws_1" },
      livemode: false,
    });
    const updated = await stripe.customers.update(created.id, {
      name: "Acme Inc",
      metadata: { workspaceId: "", plan: "pro" },
    });
    expect(updated.name).toBe("Acme Inc");
    expect(updated.metadata).toEqual({ plan: "pro" });
  });

  it("answers Stripe's errors: resource_missing 404, authentication 401, unknown route 404", async () => {
    const harness = await setup();
    const missing = harness.stripe.customers.retrieve("cus_missing");
    await expect(missing).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(missing).rejects.toMatchObject({ code: "resource_missing", statusCode: 404 });

    const badKey = client(harness.emulator, "sk_live_nope").customers.create({});
    await expect(badKey).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    await expect(badKey).rejects.toMatchObject({ statusCode: 401 });

    const response = await fetch(`${harness.emulator.url}/v1/nothing`, {
      headers: { Authorization: "Bearer sk_test_x" },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    const body = (await response.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toContain("Unrecognized request URL");
  });

  it("replays a request with the same Idempotency-Key", async () => {
    const { stripe } = await setup();
    const params = { email: "ada@example.com", metadata: { workspaceId: "ws_1" } };
    const first = await stripe.customers.create(params, { idempotencyKey: "customer-ws_1" });
    const second = await stripe.customers.create(params, { idempotencyKey: "customer-ws_1" });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true");
    const other = stripe.customers.create(
      { email: "x@example.com" },
      { idempotencyKey: "customer-ws_1" },
    );
    await expect(other).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it("serves the seeded prices by lookup key, and creates products and prices", async () => {
    const { stripe } = await setup();
    const list = await stripe.prices.list({
      lookup_keys: ["pro_monthly", "team_yearly"],
      active: true,
    });
    expect(list.object).toBe("list");
    expect(list.data.map((price) => price.id).sort()).toEqual([
      "price_pro_monthly",
      "price_team_yearly",
    ]);
    const proMonthly = await stripe.prices.retrieve("price_pro_monthly");
    expect(proMonthly).toMatchObject({
      product: "prod_pro",
      unit_amount: 1900,
      currency: "usd",
      recurring: { interval: "month", interval_count: 1 },
      lookup_key: "pro_monthly",
    });
    expect((await stripe.products.retrieve("prod_team")).name).toBe("Team");

    const product = await stripe.products.create({ name: "Extra" });
    const price = await stripe.prices.create({
      product: product.id,
      unit_amount: 500,
      currency: "usd",
      recurring: { interval: "month" },
      lookup_key: "extra_monthly",
    });
    expect(price.id).toMatch(/^price_/);
    const taken = stripe.prices.create({
      product: product.id,
      unit_amount: 600,
      currency: "usd",
      recurring: { interval: "month" },
      lookup_key: "extra_monthly",
    });
    await expect(taken).rejects.toMatchObject({ statusCode: 400, param: "lookup_key" });
  });

  it("validates Checkout session parameters", async () => {
    const harness = await setup();
    const unknownPrice = createSession(harness, {
      line_items: [{ price: "price_nope", quantity: 1 }],
    });
    await expect(unknownPrice).rejects.toMatchObject({
      code: "resource_missing",
      statusCode: 404,
      param: "line_items[0][price]",
    });
    const unknownCustomer = harness.stripe.checkout.sessions.create({
      mode: "subscription",
      customer: "cus_nope",
      line_items: [{ price: "price_pro_monthly", quantity: 1 }],
      success_url: "http://app.test/ok",
    });
    await expect(unknownCustomer).rejects.toMatchObject({ statusCode: 404, param: "customer" });
    const noSuccessUrl = harness.stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: "price_pro_monthly", quantity: 1 }],
    });
    await expect(noSuccessUrl).rejects.toMatchObject({ statusCode: 400, param: "success_url" });
  });
});

describe("hosted Checkout", () => {
  it("subscribes with 4242: redirect, subscription, invoice, three verified events in order", async () => {
    const harness = await setup();
    const { stripe, emulator, receiver } = harness;
    const { customer, session } = await createSession(harness, {
      line_items: [{ price: "price_team_monthly", quantity: 3 }],
    });
    expect(session).toMatchObject({ status: "open", mode: "subscription", amount_total: 3600 });
    expect(session.url).toBe(`${emulator.url}/checkout/${session.id}`);
    expect(session.expires_at).toBe(session.created + DAY);
    expect(session.success_url).toContain(`session_id=${session.id}`);

    const page = await fetch(session.url!);
    const html = await page.text();
    expect(page.status).toBe(200);
    for (const text of [
      "Team",
      "$12.00 per month",
      "× 3",
      "ada@example.com",
      "Card number",
      "Expiry",
      "CVC",
      "Name on card",
      "Subscribe",
      "Back",
      '<meta name="viewport"',
    ]) {
      expect(html).toContain(text);
    }

    const response = await postForm(session.url!, cardFields(GOOD_CARD));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `http://app.test/billing?checkout=success&session_id=${session.id}`,
    );

    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription"] });
    expect(done).toMatchObject({
      status: "complete",
      payment_status: "paid",
      customer: customer.id,
    });
    const subscription = done.subscription as Stripe.Subscription;
    expect(subscription).toMatchObject({
      object: "subscription",
      status: "active",
      customer: customer.id,
      metadata: { workspaceId: "ws_1" },
      cancel_at_period_end: false,
    });
    const item = subscription.items.data[0]!;
    expect(item.price.id).toBe("price_team_monthly");
    expect(item.quantity).toBe(3);
    expect(item.current_period_start).toBeLessThanOrEqual(emulator.now());
    const periodDays = (item.current_period_end - item.current_period_start) / DAY;
    expect(periodDays).toBeGreaterThanOrEqual(28);
    expect(periodDays).toBeLessThanOrEqual(31);

    const invoice = await stripe.invoices.retrieve(subscription.latest_invoice as string);
    expect(invoice).toMatchObject({
      status: "paid",
      amount_paid: 3600,
      billing_reason: "subscription_create",
      parent: { subscription_details: { subscription: subscription.id } },
    });

    await emulator.idle();
    expect(receiver.rejected).toEqual([]);
    expect(types(receiver.events)).toEqual([
      "customer.subscription.created",
      "invoice.paid",
      "checkout.session.completed",
    ]);
    const [created, paid, completed] = receiver.events;
    expect(created).toMatchObject({
      object: "event",
      api_version: Stripe.API_VERSION,
      livemode: false,
      data: { object: { id: subscription.id } },
    });
    expect(paid!.data.object).toMatchObject({ id: invoice.id });
    expect(completed!.data.object).toMatchObject({
      id: session.id,
      client_reference_id: "ws_1",
      subscription: subscription.id,
    });
    const withCustomer = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ["customer"],
    });
    expect(withCustomer.customer).toMatchObject({ id: customer.id, object: "customer" });

    const listed = await stripe.events.list({ limit: 2 });
    expect(listed.data.map((event) => event.id)).toEqual([completed!.id, paid!.id]);
    expect(listed.has_more).toBe(true);

    const again = await fetch(session.url!);
    expect(await again.text()).toContain("already complete");
  });

  it("declines 4000…0002 with a 402 page and creates nothing", async () => {
    const harness = await setup();
    const { customer, session } = await createSession(harness);
    const response = await postForm(session.url!, cardFields(DECLINED_CARD));
    expect(response.status).toBe(402);
    const html = await response.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain("Your card was declined.");
    expect(
      (await harness.stripe.subscriptions.list({ customer: customer.id, status: "all" })).data,
    ).toEqual([]);
    expect((await harness.stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
    await harness.emulator.idle();
    expect(harness.receiver.events).toEqual([]);
  });

  it("rejects an unknown card number and missing fields", async () => {
    const harness = await setup();
    const { session } = await createSession(harness);
    const invalid = await postForm(session.url!, cardFields("1234 5678 9012 3456"));
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain("Your card number is invalid.");
    const aliased = await postForm(session.url!, {
      ...cardFields(""),
      card: "4000 0000 0000 0002",
    });
    expect(aliased.status).toBe(402);
    const noExpiry = await postForm(session.url!, { ...cardFields(GOOD_CARD), expiry: "" });
    expect(noExpiry.status).toBe(400);
    expect(await noExpiry.text()).toContain("expiration date is incomplete");
  });

  it("escapes interpolated strings", async () => {
    const harness = await setup();
    const customer = await harness.stripe.customers.create({ email: "<b>x</b>@example.com" });
    const session = await harness.stripe.checkout.sessions.create({
      mode: "subscription",
      customer: customer.id,
      line_items: [{ price: "price_pro_monthly" }],
      success_url: "http://app.test/ok",
      cancel_url: 'http://app.test/"><script>',
    });
    const html = await (await fetch(session.url!)).text();
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;@example.com");
    expect(html).not.toContain("<script>");
  });

  it("starts a trial with trial_period_days and charges at its end", async () => {
    const harness = await setup();
    const { subscription } = await subscribe(harness, GOOD_CARD, {
      subscription_data: { trial_period_days: 14, metadata: { workspaceId: "ws_1" } },
    });
    expect(subscription.status).toBe("trialing");
    expect(subscription.trial_end).toBe(subscription.created + 14 * DAY);
    await harness.emulator.advanceClock(15 * DAY);
    const after = await harness.stripe.subscriptions.retrieve(subscription.id);
    expect(after.status).toBe("active");
    expect(after.items.data[0]!.current_period_start).toBe(subscription.trial_end);
    const invoice = await harness.stripe.invoices.retrieve(after.latest_invoice as string);
    expect(invoice).toMatchObject({ status: "paid", amount_paid: 1900 });
  });
});

describe("portal and lifecycle", () => {
  it("cancels at period end from the portal, then ends the subscription when the period ends", async () => {
    const harness = await setup();
    const { stripe, emulator, receiver } = harness;
    const { customer, subscription } = await subscribe(harness);
    const portal = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      return_url: "http://app.test/billing",
    });
    expect(portal.url).toBe(`${emulator.url}/portal/${portal.id}`);
    const html = await (await fetch(portal.url)).text();
    for (const text of [
      "Pro",
      "$19.00 per month",
      "Renews on",
      "4242",
      "Cancel plan",
      "Switch to Team (monthly)",
      "Switch to Pro (yearly)",
      "Update card",
      "Return to app",
    ]) {
      expect(html).toContain(text);
    }

    const cancel = await postForm(`${portal.url}/cancel`, {});
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get("location")).toContain(`/portal/${portal.id}`);
    const canceling = await stripe.subscriptions.retrieve(subscription.id);
    const periodEnd = canceling.items.data[0]!.current_period_end;
    expect(canceling).toMatchObject({
      cancel_at_period_end: true,
      cancel_at: periodEnd,
      status: "active",
    });
    expect(await (await fetch(portal.url)).text()).toContain("Resume plan");
    await emulator.idle();
    const updated = receiver.events.at(-1)!;
    expect(updated.type).toBe("customer.subscription.updated");
    expect(updated.data).toMatchObject({
      previous_attributes: { cancel_at_period_end: false, cancel_at: null },
    });

    await emulator.advanceClock(periodEnd - emulator.now() + 60);
    const ended = await stripe.subscriptions.retrieve(subscription.id);
    expect(ended).toMatchObject({ status: "canceled", ended_at: periodEnd });
    expect(ended.canceled_at).not.toBeNull();
    expect((await stripe.subscriptions.list({ customer: customer.id })).data).toEqual([]);
    expect(
      (await stripe.subscriptions.list({ customer: customer.id, status: "all" })).data,
    ).toHaveLength(1);
    await emulator.idle();
    expect(types(receiver.events).at(-1)).toBe("customer.subscription.deleted");
  });

  it("resumes a cancellation and switches plans from the portal", async () => {
    const harness = await setup();
    const { stripe, emulator, receiver } = harness;
    const { customer, subscription } = await subscribe(harness);
    const portal = await stripe.billingPortal.sessions.create({ customer: customer.id });
    await postForm(`${portal.url}/cancel`, {});
    await postForm(`${portal.url}/resume`, {});
    expect((await stripe.subscriptions.retrieve(subscription.id)).cancel_at_period_end).toBe(false);

    await postForm(`${portal.url}/switch`, { price: "price_team_monthly" });
    const switched = await stripe.subscriptions.retrieve(subscription.id);
    expect(switched.items.data[0]!.price.id).toBe("price_team_monthly");
    await emulator.idle();
    const last = receiver.events.at(-1)! as Stripe.CustomerSubscriptionUpdatedEvent;
    expect(last.type).toBe("customer.subscription.updated");
    expect(last.data.previous_attributes?.items?.data[0]?.price.id).toBe("price_pro_monthly");
  });

  it("renews with a good card: the period moves on and the invoice is paid", async () => {
    const harness = await setup();
    const { stripe, emulator, receiver } = harness;
    const { subscription } = await subscribe(harness);
    const firstEnd = subscription.items.data[0]!.current_period_end;
    const before = receiver.events.length;
    await emulator.advanceClock(32 * DAY);
    const renewed = await stripe.subscriptions.retrieve(subscription.id);
    expect(renewed.status).toBe("active");
    expect(renewed.items.data[0]!.current_period_start).toBe(firstEnd);
    expect(renewed.items.data[0]!.current_period_end).toBeGreaterThan(emulator.now());
    const invoices = await stripe.invoices.list({ subscription: subscription.id });
    expect(invoices.data).toHaveLength(2);
    expect(invoices.data[0]).toMatchObject({
      status: "paid",
      billing_reason: "subscription_cycle",
      amount_paid: 1900,
      period_start: firstEnd,
    });
    await emulator.idle();
    expect(types(receiver.events.slice(before))).toEqual([
      "invoice.paid",
      "customer.subscription.updated",
    ]);
  });

  it("fails renewals with 4000…0341: past_due, then canceled 7 days later", async () => {
    const harness = await setup();
    const { stripe, emulator, receiver } = harness;
    const { subscription } = await subscribe(harness, FAILS_LATER_CARD);
    expect(subscription.status).toBe("active");
    const before = receiver.events.length;
    await emulator.advanceClock(31 * DAY);
    const pastDue = await stripe.subscriptions.retrieve(subscription.id);
    expect(pastDue.status).toBe("past_due");
    const invoice = await stripe.invoices.retrieve(pastDue.latest_invoice as string);
    expect(invoice).toMatchObject({
      status: "open",
      amount_paid: 0,
      amount_remaining: 1900,
      attempted: true,
    });
    await emulator.idle();
    expect(types(receiver.events.slice(before))).toEqual([
      "invoice.payment_failed",
      "customer.subscription.updated",
    ]);

    await emulator.advanceClock(7 * DAY);
    const canceled = await stripe.subscriptions.retrieve(subscription.id);
    expect(canceled.status).toBe("canceled");
    expect(canceled.cancellation_details?.reason).toBe("payment_failed");
    await emulator.idle();
    expect(types(receiver.events).at(-1)).toBe("customer.subscription.deleted");
  });

  it("recovers a past_due subscription once the card is updated in the portal", async () => {
    const harness = await setup();
    const { stripe, emulator } = harness;
    const { customer, subscription } = await subscribe(harness, FAILS_LATER_CARD);
    await emulator.advanceClock(31 * DAY);
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe("past_due");
    const portal = await stripe.billingPortal.sessions.create({ customer: customer.id });
    const declined = await postForm(`${portal.url}/card`, cardFields(DECLINED_CARD));
    expect(declined.status).toBe(402);
    expect(await declined.text()).toContain("Your card was declined.");
    const updated = await postForm(`${portal.url}/card`, cardFields(GOOD_CARD));
    expect(updated.status).toBe(303);
    await emulator.advanceClock(DAY);
    const recovered = await stripe.subscriptions.retrieve(subscription.id);
    expect(recovered.status).toBe("active");
    expect((await stripe.invoices.retrieve(recovered.latest_invoice as string)).status).toBe(
      "paid",
    );
  });

  it("cancels immediately with DELETE", async () => {
    const harness = await setup();
    const { subscription } = await subscribe(harness);
    const canceled = await harness.stripe.subscriptions.cancel(subscription.id);
    expect(canceled.status).toBe("canceled");
    expect(canceled.ended_at).toBe(harness.emulator.now());
    await harness.emulator.idle();
    expect(types(harness.receiver.events).at(-1)).toBe("customer.subscription.deleted");
    expect(harness.receiver.events.at(-1)!.request?.id).toBe(canceled.lastResponse.requestId);
  });

  it("advances the clock over HTTP", async () => {
    const { emulator } = await setup();
    const start = emulator.now();
    const response = await fetch(`${emulator.url}/_emulator/clock/advance`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ days: 2 }),
    });
    const { now } = (await response.json()) as { now: number };
    expect(now - start).toBeGreaterThanOrEqual(2 * DAY);
    expect(now - start).toBeLessThan(2 * DAY + 5);
    const clock = (await (await fetch(`${emulator.url}/_emulator/clock`)).json()) as {
      now: number;
    };
    expect(clock.now).toBeGreaterThanOrEqual(now);
    const dashboard = await (await fetch(`${emulator.url}/`)).text();
    expect(dashboard).toContain("Advance clock");
  });
});

describe("webhooks, persistence, safety", () => {
  it("retries a failing delivery: 500, 500, then 200 is three attempts", async () => {
    const harness = await setup();
    harness.receiver.respond = (attempt) => (attempt < 2 ? 500 : 200);
    await subscribe(harness);
    await harness.emulator.idle();
    const attempts = harness.receiver.attempts;
    expect(attempts.map((a) => a.status).slice(0, 3)).toEqual([500, 500, 200]);
    expect(new Set(attempts.slice(0, 3).map((a) => a.event.id)).size).toBe(1);
    expect(types(harness.receiver.events)).toEqual([
      "customer.subscription.created",
      "invoice.paid",
      "checkout.session.completed",
    ]);
  });

  it("gives up after the retry delays are exhausted", async () => {
    const harness = await setup({ retryDelaysMs: [5, 5] });
    harness.receiver.respond = () => 500;
    await subscribe(harness);
    await harness.emulator.idle();
    // Three events, each tried once plus two retries.
    expect(harness.receiver.attempts).toHaveLength(9);
    const dashboard = await (await fetch(`${harness.emulator.url}/`)).text();
    expect(dashboard).toContain("failed");
  });

  it("keeps its state in the data file across restarts", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "stripe-emulator-"));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const dataFile = path.join(dir, "state.json");
    const first = await startStripeEmulator({
      port: 0,
      webhookSecret: SECRET,
      dataFile,
      prices: TEST_PRICES,
    });
    const customer = await client(first, "sk_test_1").customers.create({
      email: "kept@example.com",
    });
    await first.advanceClock(10 * DAY);
    const clock = first.now();
    await first.close();

    const second = await startStripeEmulator({
      port: 0,
      webhookSecret: SECRET,
      dataFile,
      prices: TEST_PRICES,
    });
    cleanups.push(second.close);
    const again = await client(second, "sk_test_1").customers.retrieve(customer.id);
    expect((again as Stripe.Customer).email).toBe("kept@example.com");
    expect(second.now() - clock).toBeLessThan(5);
    expect(second.now() - clock).toBeGreaterThanOrEqual(0);
  });

  it("refuses to start in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      await expect(startStripeEmulator({ port: 0, webhookSecret: SECRET })).rejects.toThrow(
        /production/,
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
