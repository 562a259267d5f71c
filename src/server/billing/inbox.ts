/**
 * The webhook inbox. Every verified Stripe event is stored by its id before it is handled, so:
 * - a duplicate delivery (Stripe delivers at least once) is answered 200 with no second effect;
 * - concurrent deliveries of one event run its handler once: a run first claims the row
 *   (`received`/`failed` → `processing`, atomically); a claim older than {@link LEASE_MS} is taken
 *   over, in case the process died mid-run;
 * - a failed handler leaves the event `failed` with its error, answered 500 so Stripe retries,
 *   and `npm run stripe:replay -- <event id>` re-runs it.
 * https://docs.stripe.com/webhooks#handle-duplicate-events
 */
import "server-only";
import type Stripe from "stripe";
import type { Prisma } from "@/generated/prisma/client";
import { handlerFor } from "@/server/billing/webhook";
import { db } from "@/server/db";
import { isUniqueViolation } from "@/server/db-errors";
import { logger } from "@/server/log";

/** How long a run may hold an event before another delivery may take it over (ms). */
export const LEASE_MS = 5 * 60_000;

/**
 * - processed: the handler ran now and succeeded (200);
 * - ignored: no handler for this type (200);
 * - duplicate: already processed or ignored earlier (200, nothing done);
 * - busy: another run holds it (409: Stripe retries later, by then it is a duplicate);
 * - failed: the handler threw (500: Stripe retries).
 */
export type InboxOutcome = "processed" | "ignored" | "duplicate" | "busy" | "failed";

/** Error text kept in the inbox: the message only (never a payload), at most 1,000 characters. */
function describe(error: unknown): string {
  // Stripe's errors name their class in `type` (StripeConnectionError, StripeAPIError, …).
  const name = (error as { type?: unknown }).type ?? (error as Error | undefined)?.name;
  const message = error instanceof Error ? `${String(name)}: ${error.message}` : String(error);
  return message.slice(0, 1000);
}

/** Claims `id` for a run; false when it is done already or another run holds it. */
async function claim(id: string, force: boolean): Promise<boolean> {
  const staleBefore = new Date(Date.now() - LEASE_MS);
  const claimable: Prisma.StripeEventWhereInput[] = [
    { status: { in: ["received", "failed"] } },
    { status: "processing", lockedAt: { lt: staleBefore } },
  ];
  if (force) claimable.push({ status: { in: ["processed", "ignored"] } });
  const { count } = await db.stripeEvent.updateMany({
    where: { id, OR: claimable },
    data: { status: "processing", lockedAt: new Date(), attempts: { increment: 1 } },
  });
  return count === 1;
}

/** Runs the handler of a claimed event and records the result. */
async function run(event: Stripe.Event): Promise<InboxOutcome> {
  const handler = handlerFor(event);
  try {
    if (handler) await handler();
    await db.stripeEvent.update({
      where: { id: event.id },
      data: {
        status: handler ? "processed" : "ignored",
        processedAt: new Date(),
        lockedAt: null,
        lastError: null,
      },
    });
    return handler ? "processed" : "ignored";
  } catch (error) {
    await db.stripeEvent.update({
      where: { id: event.id },
      data: { status: "failed", lockedAt: null, lastError: describe(error) },
    });
    logger.error(
      { eventId: event.id, type: event.type, reason: describe(error) },
      "stripe webhook handler failed",
    );
    return "failed";
  }
}

/** Stores a verified `event` (once) and handles it unless it was handled before. */
export async function receiveEvent(event: Stripe.Event): Promise<InboxOutcome> {
  try {
    await db.stripeEvent.create({
      data: {
        id: event.id,
        type: event.type,
        payload: event as unknown as Prisma.InputJsonObject,
        stripeCreatedAt: new Date(event.created * 1000),
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  if (await claim(event.id, false)) return run(event);
  const stored = await db.stripeEvent.findUniqueOrThrow({
    where: { id: event.id },
    select: { status: true },
  });
  return stored.status === "processing" ? "busy" : "duplicate";
}

/**
 * Re-runs the stored event `id` (`npm run stripe:replay`, the admin console). A processed event
 * may be replayed too: handlers re-read Stripe, so a replay converges on the same state.
 * @throws Error when no event has that id, or another run holds it now.
 */
export async function replayEvent(id: string): Promise<InboxOutcome> {
  const stored = await db.stripeEvent.findUnique({ where: { id } });
  if (!stored) throw new Error(`No stored Stripe event has the id ${id}.`);
  if (!(await claim(id, true)))
    throw new Error(`Event ${id} is being handled right now; try again shortly.`);
  return run(stored.payload as unknown as Stripe.Event);
}
