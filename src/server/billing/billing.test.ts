/**
 * Billing and entitlements against a real database and the local Stripe emulator: limits per
 * plan, upgrades through Checkout, declined cards, failed renewals (grace), reconcile.
 */
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { stripe } from "@/server/billing/stripe";
import { db } from "@/server/db";
import { EntitlementError } from "@/server/errors";
import { reconcileAll } from "@/server/billing/sync";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { advanceClock, deliver, eventsOf, payCheckout } from "@/test/stripe";
import { callerWith, requestHeaders, signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

async function owner(email = "ada@example.com", slug = "acme") {
  const { token } = await signedInUser(email);
  const { caller } = await callerWith(requestHeaders(token));
  await caller.workspace.create({ name: "Acme", slug });
  return caller;
}

type Caller = Awaited<ReturnType<typeof owner>>;

/** Pays Checkout for `plan` with `card` and delivers the customer's events to the webhook. */
async function subscribe(caller: Caller, plan: "pro" | "team", card?: string) {
  const { url } = await caller.billing.createCheckoutSession({
    workspaceSlug: "acme",
    plan,
    interval: "month",
  });
  const answer = await payCheckout(url, card);
  await deliverAll();
  return answer;
}

/** Delivers every event of acme's Stripe customer to the webhook (duplicates are no-ops). */
async function deliverAll() {
  const { stripeCustomerId } = await db.workspace.findUniqueOrThrow({ where: { slug: "acme" } });
  for (const event of await eventsOf(stripeCustomerId!)) await deliver(event);
}

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

const createProject = (caller: Caller, name: string) =>
  caller.project.create({ workspaceSlug: "acme", name });

describe("entitlements", () => {
  it("stops a Free workspace at 3 projects with an upgrade hint; Pro lifts the limit", async () => {
    const caller = await owner();
    for (const name of ["One", "Two", "Three"]) await createProject(caller, name);
    const error = await rejection(createProject(caller, "Four"));
    expect(error.code).toBe("PAYMENT_REQUIRED");
    expect(error.cause).toBeInstanceOf(EntitlementError);
    expect((error.cause as EntitlementError).upgrade).toEqual({
      entitlement: "maxProjects",
      limit: 3,
      plan: "free",
    });
    expect(await db.project.count()).toBe(3);

    expect((await subscribe(caller, "pro")).status).toBe(303);
    await expect(createProject(caller, "Four")).resolves.toMatchObject({ name: "Four" });
    const overview = await caller.billing.subscription({ workspaceSlug: "acme" });
    expect(overview).toMatchObject({
      plan: { slug: "pro", entitlements: { maxProjects: 50 } },
      subscription: { status: "active", interval: "month", cancelAtPeriodEnd: false },
      usage: { projects: 4 },
    });
  });

  it("lets only one of several concurrent creates take the last project slot", async () => {
    const caller = await owner();
    await createProject(caller, "One");
    await createProject(caller, "Two");
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => createProject(caller, `Racer ${i}`)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.project.count()).toBe(3);
  });

  it("counts pending invitations against the member limit", async () => {
    const caller = await owner();
    const invite = (email: string) =>
      caller.invitation.create({ workspaceSlug: "acme", email, role: "member" });
    await invite("bob@example.com");
    await invite("cy@example.com");
    const error = await rejection(invite("dee@example.com"));
    expect([error.code, (error.cause as EntitlementError).upgrade.entitlement]).toEqual([
      "PAYMENT_REQUIRED",
      "maxMembers",
    ]);
    expect(await db.invitation.count()).toBe(2);
  });
});

describe("checkout and portal", () => {
  it("keeps a workspace on Free when the card is declined", async () => {
    const caller = await owner();
    const answer = await subscribe(caller, "pro", "4000 0000 0000 0002");
    expect(answer.status).toBe(402);
    expect(await answer.text()).toContain("Your card was declined.");
    expect(await db.subscription.count()).toBe(0);
    expect((await caller.billing.subscription({ workspaceSlug: "acme" })).plan.slug).toBe("free");
  });

  it("refuses a second checkout while subscribed, and opens the portal", async () => {
    const caller = await owner();
    await expect(caller.billing.createPortalSession({ workspaceSlug: "acme" })).rejects.toThrow(
      /subscribe first/,
    );
    await subscribe(caller, "pro");
    const again = await rejection(
      caller.billing.createCheckoutSession({
        workspaceSlug: "acme",
        plan: "team",
        interval: "year",
      }),
    );
    expect(again.code).toBe("CONFLICT");
    const { url } = await caller.billing.createPortalSession({ workspaceSlug: "acme" });
    expect(url.startsWith(process.env.STRIPE_API_BASE!)).toBe(true);
  });

  it("buys one Team seat per member", async () => {
    const caller = await owner();
    const acme = await db.workspace.findUniqueOrThrow({ where: { slug: "acme" } });
    const bob = await signedInUser("bob@example.com");
    await db.membership.create({
      data: { workspaceId: acme.id, userId: bob.user.id, role: "member" },
    });
    await subscribe(caller, "team");
    expect(
      await db.subscription.findUniqueOrThrow({ where: { workspaceId: acme.id } }),
    ).toMatchObject({
      planSlug: "team",
      quantity: 2,
    });
  });

  it("bills a Team seat for each member who joins or leaves", async () => {
    const caller = await owner();
    await subscribe(caller, "team");
    const acme = await db.workspace.findUniqueOrThrow({ where: { slug: "acme" } });
    const bob = await signedInUser("bob@example.com");
    await caller.invitation.create({
      workspaceSlug: "acme",
      email: "bob@example.com",
      role: "member",
    });
    const invitation = await db.invitation.findFirstOrThrow();
    const { caller: bobCaller } = await callerWith(requestHeaders(bob.token));
    await bobCaller.invitation.accept({ invitationId: invitation.id });
    const seats = async () => {
      const row = await db.subscription.findUniqueOrThrow({ where: { workspaceId: acme.id } });
      const sub = await stripe().subscriptions.retrieve(row.stripeSubscriptionId);
      return sub.items.data[0]!.quantity;
    };
    expect(await seats()).toBe(2);
    await caller.member.remove({ workspaceSlug: "acme", userId: bob.user.id });
    expect(await seats()).toBe(1);
  });

  it("logs a cancellation made in the portal; Resume withdraws it, logged once as the member's", async () => {
    const caller = await owner();
    await subscribe(caller, "pro");
    const row = await db.subscription.findFirstOrThrow();
    // What the Customer Portal's "Cancel plan" does, then its webhooks.
    await stripe().subscriptions.update(row.stripeSubscriptionId, { cancel_at_period_end: true });
    await deliverAll();
    const canceling = await caller.billing.subscription({ workspaceSlug: "acme" });
    expect(canceling.subscription).toMatchObject({ status: "active", cancelAtPeriodEnd: true });

    await expect(caller.billing.resumeSubscription({ workspaceSlug: "acme" })).resolves.toEqual({
      resumed: true,
    });
    await deliverAll(); // the update's webhooks find nothing new: no second entry
    expect(
      (await stripe().subscriptions.retrieve(row.stripeSubscriptionId)).cancel_at_period_end,
    ).toBe(false);
    const resumed = await caller.billing.subscription({ workspaceSlug: "acme" });
    expect(resumed.subscription).toMatchObject({ status: "active", cancelAtPeriodEnd: false });
    // Idempotent: nothing to resume.
    await expect(caller.billing.resumeSubscription({ workspaceSlug: "acme" })).resolves.toEqual({
      resumed: false,
    });

    const { items } = await caller.activity.list({ workspaceSlug: "acme" });
    const billing = items
      .filter((entry) => entry.action.startsWith("billing."))
      .map((entry) => [entry.actorLabel, entry.viaLabel, entry.summary]);
    const endsAt = (row.cancelAt ?? row.currentPeriodEnd).toLocaleDateString("en-US", {
      dateStyle: "medium",
      timeZone: "UTC",
    });
    expect(billing).toEqual([
      ["Ada", null, "resumed the Pro subscription"],
      [null, "via Stripe portal", expect.stringMatching(/^set the Pro subscription to cancel on /)],
      [null, "via Stripe Checkout", "changed the plan from Free to Pro"],
    ]);
    expect(billing[1]![2]).toContain(endsAt);
  });

  it("refuses to resume without a running subscription (CONFLICT)", async () => {
    const caller = await owner();
    const error = await rejection(caller.billing.resumeSubscription({ workspaceSlug: "acme" }));
    expect([error.code, error.message]).toEqual([
      "CONFLICT",
      "This workspace has no running subscription to resume.",
    ]);
  });

  it("cancels the Stripe subscription when its workspace is deleted", async () => {
    const caller = await owner();
    await subscribe(caller, "pro");
    const row = await db.subscription.findFirstOrThrow();
    await caller.workspace.delete({ workspaceSlug: "acme", confirmSlug: "acme" });
    const sub = await stripe().subscriptions.retrieve(row.stripeSubscriptionId);
    expect(sub.status).toBe("canceled");
  });

  it("keeps the plan while a failed renewal is retried (past_due), then falls back to Free", async () => {
    const caller = await owner();
    await subscribe(caller, "pro", "4000 0000 0000 0341"); // attaches, but renewals fail
    await advanceClock(31);
    await deliverAll();
    const pastDue = await caller.billing.subscription({ workspaceSlug: "acme" });
    expect([pastDue.subscription?.status, pastDue.plan.slug]).toEqual(["past_due", "pro"]);
    await advanceClock(8);
    await deliverAll();
    const ended = await caller.billing.subscription({ workspaceSlug: "acme" });
    expect([ended.subscription?.status, ended.plan.slug]).toEqual(["canceled", "free"]);
  });

  it("reconcile rebuilds a lost subscription row from Stripe", async () => {
    const caller = await owner();
    await subscribe(caller, "pro");
    await db.subscription.deleteMany();
    expect(await reconcileAll()).toEqual({ synced: 1, failed: [] });
    expect(await db.subscription.findFirstOrThrow()).toMatchObject({
      planSlug: "pro",
      status: "active",
    });
  });
});
