/**
 * Admin console, the Stripe webhook inbox (src/server/billing/inbox.ts): list, show and replay
 * stored events. Callers are checked by `adminProcedure` (src/server/api/admin.ts); these
 * functions trust their `adminId`. Every change is audited (`admin.<verb>`, actor = the admin) in the transaction
 * of the change.
 */
import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { adminListStripeEventsInput } from "@/schemas/admin";
import { replayEvent, type InboxOutcome } from "@/server/billing/inbox";
import { db } from "@/server/db";
import { type KeysetOrder, keysetPage, keysetQuery } from "@/server/pagination";
import { DomainError } from "@/server/errors";
import { recordAudit } from "@/server/audit/log";

type StripeEventsInput = Pick<
  z.output<typeof adminListStripeEventsInput>,
  "status" | "cursor" | "limit"
>;

const stripeEventFields = {
  id: true,
  type: true,
  status: true,
  attempts: true,
  lastError: true,
  receivedAt: true,
  stripeCreatedAt: true,
  processedAt: true,
} as const;

/** Newest received first, then by id. */
const NEWEST_RECEIVED: KeysetOrder<"receivedAt"> = {
  field: "receivedAt",
  dir: "desc",
  type: "date",
};

/**
 * One page of stored Stripe events, newest received first, optionally of one `status`.
 * @throws DomainError BAD_REQUEST on "cursor" for a tampered cursor.
 */
export async function listStripeEvents(input: StripeEventsInput) {
  const and: Prisma.StripeEventWhereInput[] = [];
  if (input.status) and.push({ status: input.status });
  const page = keysetQuery<Prisma.StripeEventWhereInput>(
    NEWEST_RECEIVED,
    input.cursor,
    input.limit,
  );
  if (page.where) and.push(page.where);
  const rows = await db.stripeEvent.findMany({
    where: { AND: and },
    select: stripeEventFields,
    orderBy: page.orderBy,
    take: page.take,
  });
  return keysetPage(rows, NEWEST_RECEIVED, input.limit);
}

/**
 * One stored event with its payload (as Stripe sent it).
 * @throws DomainError NOT_FOUND for an unknown id.
 */
export async function getStripeEvent(eventId: string) {
  const event = await db.stripeEvent.findUnique({
    where: { id: eventId },
    select: { ...stripeEventFields, payload: true },
  });
  if (!event) throw new DomainError("NOT_FOUND", "No stored Stripe event has this id.");
  return event;
}

/**
 * Re-runs the stored event `eventId` through its handler (`replayEvent`, as
 * `npm run stripe:replay` does) and records `admin.stripe_event_replayed` with the outcome.
 * Any stored event may be replayed, including one already processed or ignored: handlers re-read
 * Stripe, so the replay converges on the same state; it runs again and is recorded with that
 * run's outcome ("processed" again, "ignored", or "failed" with the new `lastError`). The replay
 * calls Stripe, so it cannot share a transaction with its audit row: the row is written right
 * after, whatever the outcome.
 * @throws DomainError NOT_FOUND for an unknown id; CONFLICT while another run holds the event.
 */
export async function replayStripeEvent(
  adminId: string,
  eventId: string,
): Promise<{ outcome: InboxOutcome; lastError: string | null }> {
  const stored = await db.stripeEvent.findUnique({
    where: { id: eventId },
    select: { type: true, status: true },
  });
  if (!stored) throw new DomainError("NOT_FOUND", "No stored Stripe event has this id.");
  let outcome: InboxOutcome;
  try {
    outcome = await replayEvent(eventId);
  } catch (error) {
    if (error instanceof Error && /being handled right now/.test(error.message)) {
      throw new DomainError(
        "CONFLICT",
        "This event is being handled right now; try again shortly.",
      );
    }
    throw error;
  }
  const after = await db.stripeEvent.findUniqueOrThrow({
    where: { id: eventId },
    select: { lastError: true },
  });
  await db.$transaction((tx) =>
    recordAudit(tx, {
      workspaceId: null,
      actorId: adminId,
      action: "admin.stripe_event_replayed",
      targetId: eventId,
      metadata: {
        eventId,
        type: stored.type,
        previousStatus: stored.status,
        outcome,
        ...(after.lastError && { error: after.lastError }),
      },
    }),
  );
  return { outcome, lastError: after.lastError };
}
