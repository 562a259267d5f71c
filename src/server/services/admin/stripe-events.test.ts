/**
 * The admin console's webhook inbox procedures end to end (router → service → database and the
 * Stripe emulator): list, show and replay stored events, and what a replay records.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { codeOf, signedInAdmin } from "@/test/admin";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { deliver, eventsOf, payCheckout, whileStripeIsDown } from "@/test/stripe";
import { callerWith, requestHeaders, signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

describe("admin console: Stripe events", () => {
  it("replays a failed event (processed, audited) and records a second replay's outcome", async () => {
    const { api, user: admin } = await signedInAdmin();
    const ada = await signedInUser("ada@example.com");
    const { caller } = await callerWith(requestHeaders(ada.token));
    await caller.workspace.create({ name: "Acme", slug: "acme" });
    const { url } = await caller.billing.createCheckoutSession({
      workspaceSlug: "acme",
      plan: "pro",
      interval: "month",
    });
    expect((await payCheckout(url)).status).toBe(303);
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "acme" } });
    const [event] = (await eventsOf(workspace.stripeCustomerId!)).filter(
      (e) => e.type === "invoice.paid",
    );

    // Stripe unreachable while handling: the handler fails honestly.
    expect((await whileStripeIsDown(() => deliver(event!))).status).toBe(500);

    const failed = await api.stripeEvents.list({ status: "failed" });
    expect(failed.items).toMatchObject([{ id: event!.id, status: "failed", attempts: 1 }]);
    expect(failed.items[0]!.lastError).toMatch(/StripeConnectionError/);
    await expect(api.stripeEvents.get({ eventId: event!.id })).resolves.toMatchObject({
      payload: { id: event!.id, type: "invoice.paid" },
    });

    await expect(api.stripeEvents.replay({ eventId: event!.id })).resolves.toEqual({
      outcome: "processed",
      lastError: null,
    });
    expect(
      await db.subscription.findUnique({ where: { workspaceId: workspace.id } }),
    ).toMatchObject({ planSlug: "pro", status: "active" });
    // Replaying a processed event is allowed: it runs again and is recorded with its outcome.
    await expect(api.stripeEvents.replay({ eventId: event!.id })).resolves.toMatchObject({
      outcome: "processed",
    });
    const rows = await db.auditLog.findMany({
      where: { action: "admin.stripe_event_replayed" },
      orderBy: { createdAt: "asc" },
    });
    expect(rows).toMatchObject([
      {
        actorId: admin.id,
        targetId: event!.id,
        metadata: { eventId: event!.id, previousStatus: "failed", outcome: "processed" },
      },
      { metadata: { previousStatus: "processed", outcome: "processed" } },
    ]);
    expect(await codeOf(api.stripeEvents.replay({ eventId: "evt_unknown" }))).toBe("NOT_FOUND");
  });
});
