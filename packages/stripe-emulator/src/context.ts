/**
 * What every part of a running emulator shares (store, webhook queue, public URL, log), and
 * event emission: record an event in the store and queue its webhook delivery.
 */
import type Stripe from "stripe";
import type { EmulatorEvent, EventStamp } from "./objects";
import { newId, type Store } from "./store";
import type { WebhookQueue } from "./webhooks";

export interface Context {
  store: Store;
  webhooks: WebhookQueue;
  /** "http://127.0.0.1:<port>": where the hosted pages live. */
  baseUrl: string;
  /** Where events are delivered; undefined = recorded only. */
  webhookUrl: string | undefined;
  log: (line: string) => void;
}

/** Why something happened: when (emulator unix seconds) and, for API calls, which request. */
export interface Cause {
  at: number;
  request: Stripe.Event.Request | null;
}

/** A cause with no API request behind it (hosted pages, the clock). */
export function automatic(at: number): Cause {
  return { at, request: null };
}

/**
 * Records the event `build` returns (given its id, time and request) and queues its delivery.
 * Callers pass snapshots of the objects, so later changes do not alter the event.
 */
export function emitEvent(
  ctx: Context,
  cause: Cause,
  build: (stamp: EventStamp) => EmulatorEvent,
): Stripe.Event {
  const event: Stripe.Event = build({
    id: newId("evt"),
    created: cause.at,
    pendingWebhooks: ctx.webhookUrl ? 1 : 0,
    request: cause.request ?? { id: null, idempotency_key: null },
  });
  ctx.store.state.events[event.id] = event;
  ctx.log(`event ${event.type} ${event.id}`);
  ctx.webhooks.enqueue(event.id);
  return event;
}
