/**
 * The shape a verified webhook body must have before the inbox stores it: a Stripe event
 * (https://docs.stripe.com/api/events/object) with the fields the inbox and the handlers read.
 * A correctly signed body of another shape is refused like any other bad input (400, nothing
 * stored) instead of failing later in the inbox or a handler.
 */
import "server-only";
import { z } from "zod";
import type { HANDLED_EVENT_TYPES } from "./index";

/** A Stripe customer id (`cus_…`, https://docs.stripe.com/api/customers/object). */
const customerId = z.string().regex(/^cus_\w+$/, "Expected a customer id (cus_…).");

/** An expandable reference: the id, or the expanded object carrying it. */
const customerReference = z.union([customerId, z.looseObject({ id: customerId })]);

/**
 * What each handler reads of `data.object`: the customer it re-syncs. Stripe's types allow no
 * customer (null) on Checkout Sessions and invoices, never on subscriptions.
 */
const handledObjects = {
  "checkout.session.completed": z.looseObject({ customer: customerReference.nullable() }),
  "customer.subscription.created": z.looseObject({ customer: customerReference }),
  "customer.subscription.updated": z.looseObject({ customer: customerReference }),
  "customer.subscription.deleted": z.looseObject({ customer: customerReference }),
  "invoice.paid": z.looseObject({ customer: customerReference.nullable() }),
  "invoice.payment_failed": z.looseObject({ customer: customerReference.nullable() }),
  "invoice.payment_action_required": z.looseObject({ customer: customerReference.nullable() }),
} satisfies Record<(typeof HANDLED_EVENT_TYPES)[number], z.ZodType>;

/** The latest `created` that is a valid date (9999-12-31T23:59:59Z), in Unix seconds. */
const MAX_UNIX_SECONDS = 253_402_300_799;

/** A snapshot event; other keys pass through untouched. */
export const stripeEventShape = z
  .looseObject({
    id: z.string().regex(/^evt_\w+$/, "Expected an event id (evt_…)."),
    object: z.literal("event"),
    type: z.string().min(1, "Expected an event type."),
    created: z.int().min(0).max(MAX_UNIX_SECONDS),
    data: z.looseObject({ object: z.looseObject({}) }),
  })
  .superRefine((event, ctx) => {
    // Own keys only: a type such as "constructor" is just an event type the app does not handle.
    if (!Object.hasOwn(handledObjects, event.type)) return;
    const schema = handledObjects[event.type as keyof typeof handledObjects];
    for (const issue of schema.safeParse(event.data.object).error?.issues ?? []) {
      ctx.addIssue({
        code: "custom",
        message: issue.message,
        path: ["data", "object", ...issue.path],
      });
    }
  });
