/**
 * The Stripe webhook, end to end on this side: the route handler, the inbox and the handlers
 * against a real database, with events produced by the local Stripe emulator (real SDK calls,
 * real hosted Checkout) and signed exactly as Stripe signs them.
 */
import { describe, expect, it } from "vitest";
import { POST, WEBHOOK_MAX_BODY_BYTES } from "./route";
import { replayEvent } from "@/server/billing/inbox";
import { stripe } from "@/server/billing/stripe";
import { db } from "@/server/db";
import { cleanDatabaseBeforeEach } from "@/test/database";
import {
  advanceClock,
  deliver,
  whileStripeIsDown,
  eventsOf,
  payCheckout,
  signatureFor,
} from "@/test/stripe";
import { callerWith, requestHeaders, signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

/** Ada owns workspace "acme", which has just paid for Pro monthly through Checkout. */
async function subscribedWorkspace() {
  const { token } = await signedInUser("ada@example.com");
  const { caller } = await callerWith(requestHeaders(token));
  await caller.workspace.create({ name: "Acme", slug: "acme" });
  const { url } = await caller.billing.createCheckoutSession({
    workspaceSlug: "acme",
    plan: "pro",
    interval: "month",
  });
  expect((await payCheckout(url)).status).toBe(303);
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "acme" } });
  const customerId = workspace.stripeCustomerId!;
  return { caller, workspace, customerId };
}

/** The workspace's subscription row as the app holds it. */
const rowOf = (workspaceId: string) => db.subscription.findUnique({ where: { workspaceId } });

/** The current subscription as Stripe (the emulator) holds it. */
async function stripeSubscription(customerId: string) {
  const list = await stripe().subscriptions.list({ customer: customerId, status: "all" });
  return list.data[0]!;
}

const planChanges = (workspaceId: string) =>
  db.auditLog.count({ where: { workspaceId, action: "billing.subscription_changed" } });

/** Fisher-Yates with a seeded generator, so a failing order can be reproduced. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("POST /api/webhooks/stripe", () => {
  it("applies checkout's events: the workspace is on Pro with Stripe's period end", async () => {
    const { workspace, customerId, caller } = await subscribedWorkspace();
    const events = await eventsOf(customerId);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        "customer.subscription.created",
        "invoice.paid",
        "checkout.session.completed",
      ]),
    );
    for (const event of events) expect((await deliver(event)).status).toBe(200);

    const sub = await stripeSubscription(customerId);
    expect(await rowOf(workspace.id)).toMatchObject({
      status: "active",
      planSlug: "pro",
      stripeSubscriptionId: sub.id,
      currentPeriodEnd: new Date(sub.items.data[0]!.current_period_end * 1000),
    });
    const overview = await caller.billing.subscription({ workspaceSlug: "acme" });
    expect(overview.plan).toMatchObject({ slug: "pro", entitlements: { maxProjects: 50 } });
  });

  it("delivers the same event 10 times: one state change, nine duplicates", async () => {
    const { workspace, customerId } = await subscribedWorkspace();
    const [event] = (await eventsOf(customerId)).filter(
      (e) => e.type === "checkout.session.completed",
    );
    const outcomes: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await deliver(event!);
      expect(res.status).toBe(200);
      outcomes.push(((await res.json()) as { outcome: string }).outcome);
    }
    expect(outcomes).toEqual(["processed", ...Array(9).fill("duplicate")]);
    expect(await planChanges(workspace.id)).toBe(1);
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: event!.id } })).toMatchObject({
      status: "processed",
      attempts: 1,
    });
  });

  it("runs an event once when 10 deliveries arrive at the same time", async () => {
    const { workspace, customerId } = await subscribedWorkspace();
    const [event] = (await eventsOf(customerId)).filter(
      (e) => e.type === "customer.subscription.created",
    );
    const responses = await Promise.all(Array.from({ length: 10 }, () => deliver(event!)));
    const outcomes = await Promise.all(
      responses.map(async (r) => ((await r.json()) as { outcome: string }).outcome),
    );
    expect(outcomes.filter((o) => o === "processed")).toHaveLength(1);
    for (const [i, outcome] of outcomes.entries()) {
      expect(["processed", "duplicate", "busy"]).toContain(outcome);
      expect(responses[i]!.status).toBe(outcome === "busy" ? 409 : 200);
    }
    expect(await planChanges(workspace.id)).toBe(1);
  });

  it("ends in the state Stripe holds whatever order a lifecycle's events arrive in", async () => {
    const { workspace, customerId, caller } = await subscribedWorkspace();
    await advanceClock(31); // renewal: invoice.paid, customer.subscription.updated
    const sub = await stripeSubscription(customerId);
    await stripe().subscriptions.update(sub.id, { cancel_at_period_end: true });
    await advanceClock(31); // the period ends: customer.subscription.deleted
    const events = await eventsOf(customerId);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["customer.subscription.updated", "customer.subscription.deleted"]),
    );
    const final = await stripeSubscription(customerId);
    expect(final.status).toBe("canceled");

    for (const seed of [1, 2, 3]) {
      await db.subscription.deleteMany();
      await db.stripeEvent.deleteMany();
      for (const event of shuffled(events, seed)) expect((await deliver(event)).status).toBe(200);
      expect(await rowOf(workspace.id), `order seed ${seed}`).toMatchObject({
        stripeSubscriptionId: final.id,
        status: "canceled",
        currentPeriodEnd: new Date(final.items.data[0]!.current_period_end * 1000),
      });
    }
    expect((await caller.billing.subscription({ workspaceSlug: "acme" })).plan.slug).toBe("free");
  });

  it("answers 400 and stores nothing for a missing, wrong or stale signature", async () => {
    const { customerId } = await subscribedWorkspace();
    const [event] = await eventsOf(customerId);
    const payload = JSON.stringify(event);
    const stale = Math.floor(Date.now() / 1000) - 301; // Stripe's default tolerance is 300 s
    for (const signature of [
      null,
      "t=1,v1=deadbeef",
      signatureFor(payload, undefined, "whsec_someone_else"),
      signatureFor(payload, stale),
    ]) {
      const res = await deliver(payload, signature);
      expect(res.status, String(signature)).toBe(400);
    }
    // A body changed after signing fails too.
    const tampered = payload.replace('"livemode":false', '"livemode":true');
    expect((await deliver(tampered, signatureFor(payload))).status).toBe(400);
    expect(await db.stripeEvent.count()).toBe(0);
  });

  it("answers 500 when a handler fails, keeps the event as failed, and a replay applies it once", async () => {
    const { workspace, customerId } = await subscribedWorkspace();
    const [event] = (await eventsOf(customerId)).filter((e) => e.type === "invoice.paid");

    // Stripe unreachable while handling: the handler cannot re-read the subscription.
    expect((await whileStripeIsDown(() => deliver(event!))).status).toBe(500);
    const failed = await db.stripeEvent.findUniqueOrThrow({ where: { id: event!.id } });
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.lastError).toMatch(/StripeConnectionError/);
    expect(await rowOf(workspace.id)).toBeNull();

    expect(await replayEvent(event!.id)).toBe("processed");
    expect(await rowOf(workspace.id)).toMatchObject({ planSlug: "pro", status: "active" });
    expect(await planChanges(workspace.id)).toBe(1);
    // Stripe's own retry arriving later is a duplicate.
    expect(await (await deliver(event!)).json()).toMatchObject({ outcome: "duplicate" });
    expect(await planChanges(workspace.id)).toBe(1);
  });

  it("stores and acknowledges an event type it does not handle", async () => {
    const { customerId } = await subscribedWorkspace();
    const [base] = await eventsOf(customerId);
    const unknown = { ...base!, id: "evt_unhandled_type", type: "customer.discount.created" };
    const res = await deliver(JSON.stringify(unknown));
    expect(res.status).toBe(200);
    expect(
      await db.stripeEvent.findUniqueOrThrow({ where: { id: "evt_unhandled_type" } }),
    ).toMatchObject({
      status: "ignored",
      type: "customer.discount.created",
    });
  });

  it(`answers 413 to a signed body over ${WEBHOOK_MAX_BODY_BYTES} bytes, declared or chunked, and stores nothing`, async () => {
    const event = {
      id: "evt_too_large",
      object: "event",
      type: "customer.discount.created",
      created: 1_700_000_000,
      data: { object: { object: "discount", note: "x".repeat(WEBHOOK_MAX_BODY_BYTES) } },
    };
    const payload = JSON.stringify(event);
    const declared = await deliver(payload);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({
      error: "The request body is larger than 1,048,576 bytes, this endpoint's limit.",
    });

    // No Content-Length: the limit holds while reading.
    const bytes = new TextEncoder().encode(payload);
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 64 * 1024)
          controller.enqueue(bytes.slice(i, i + 64 * 1024));
        controller.close();
      },
    });
    // A stream body needs `duplex: "half"` (Fetch standard), which the DOM's RequestInit omits.
    const init: RequestInit & { duplex: "half" } = {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signatureFor(payload) },
      body: chunked,
      duplex: "half",
    };
    const response = await POST(new Request("http://localhost/api/webhooks/stripe", init));
    expect(response.status).toBe(413);
    expect(await db.stripeEvent.count()).toBe(0);
  });

  it("answers 400 naming the field, and stores nothing, for a signed body that is not an event", async () => {
    const valid = {
      id: "evt_valid_shape",
      object: "event",
      type: "invoice.paid",
      created: 1_700_000_000,
      data: { object: { object: "invoice", customer: null } },
    };
    const bad: [string, string, string][] = [
      ["not JSON", "{", "The body is not JSON."],
      ["null", "null", "expected object"],
      ["an array", "[]", "expected object"],
      ["a thin event", JSON.stringify({ ...valid, object: "v2.core.event" }), "at object"],
      ["no id", JSON.stringify({ ...valid, id: undefined }), "at id"],
      ["not an event id", JSON.stringify({ ...valid, id: "cus_123" }), "evt_"],
      ["no type", JSON.stringify({ ...valid, type: "" }), "at type"],
      ["created not a time", JSON.stringify({ ...valid, created: 1e20 }), "at created"],
      [
        "data.object an array",
        JSON.stringify({ ...valid, data: { object: [] } }),
        "at data.object",
      ],
      [
        "a handled type without its customer",
        JSON.stringify({ ...valid, data: { object: { object: "invoice" } } }),
        "at data.object.customer",
      ],
      [
        "a subscription with a null customer",
        JSON.stringify({ ...valid, type: "customer.subscription.updated" }),
        "at data.object.customer",
      ],
    ];
    for (const [name, payload, rule] of bad) {
      const response = await deliver(payload);
      expect(response.status, name).toBe(400);
      expect(((await response.json()) as { error: string }).error, name).toContain(rule);
    }
    expect(await db.stripeEvent.count()).toBe(0);

    // The same shape with every field right is an event: stored and handled. So is a type the
    // app does not handle, whatever its name.
    expect((await deliver(JSON.stringify(valid))).status).toBe(200);
    const inherited = { ...valid, id: "evt_inherited_name", type: "constructor" };
    expect((await deliver(JSON.stringify(inherited))).status).toBe(200);
    expect(await db.stripeEvent.count()).toBe(2);
  });
});
