/**
 * Webhook delivery: Stripe's signature scheme and a delivery queue with retries.
 *
 * Each event is POSTed to the webhook URL as JSON with `Stripe-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<body>" keyed by the webhook secret>` (https://docs.stripe.com/webhooks#verify-manually).
 * The timestamp is the real wall-clock time of the attempt, never the emulator clock, so the
 * receiver's tolerance check passes after the clock was advanced. Events go out one at a time in
 * the order they were queued; a non-2xx answer or a network error retries the same event after
 * `retryDelaysMs[attempt]` (fresh timestamp and signature each time) and gives up once the list is
 * exhausted. Every attempt is recorded in the store for the dashboard.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type Stripe from "stripe";
import { type DeliveryRecord, wallClock } from "./store";

/** How long one delivery attempt may take before it counts as a network error, ms. */
const ATTEMPT_TIMEOUT_MS = 10_000;

/**
 * The `Stripe-Signature` header value for `payload` signed with `secret` at `timestamp` (unix
 * seconds): `t=<timestamp>,v1=<hex HMAC-SHA256 of "<timestamp>.<payload>">`.
 */
export function signatureHeader(payload: string, secret: string, timestamp: number): string {
  const signature = createHmac("sha256", secret)
    .update(`${timestamp}.${payload}`, "utf8")
    .digest("hex");
  return `t=${timestamp},v1=${signature}`;
}

export interface WebhookQueueOptions {
  /** Where events are POSTed; undefined = events are only recorded ("not_sent"). */
  url: string | undefined;
  secret: string;
  /** Delays between attempts, ms; its length is the number of retries. */
  retryDelaysMs: number[];
  /** The delivery records (the store's, so they persist), keyed by event id. */
  deliveries: Record<string, DeliveryRecord>;
  /** The event to send, by id. */
  getEvent: (id: string) => Stripe.Event | undefined;
  /** Called after each recorded change (persists the store). */
  onChange: () => void;
  log: (line: string) => void;
}

interface AttemptResult {
  statusCode: number | null;
  error: string | null;
}

/** The delivery queue. One worker; events in order; retries block the events behind them. */
export class WebhookQueue {
  private readonly queue: string[] = [];
  private running: Promise<void> | null = null;
  private closed = false;
  private waiters: (() => void)[] = [];
  private sleeping: { timer: NodeJS.Timeout; wake: () => void } | null = null;
  private inFlight: http.ClientRequest | null = null;

  constructor(private readonly options: WebhookQueueOptions) {}

  /** Records the event's delivery and, with a webhook URL, queues it. */
  enqueue(eventId: string): void {
    const record: DeliveryRecord = {
      eventId,
      status: this.options.url ? "pending" : "not_sent",
      attempts: [],
    };
    this.options.deliveries[eventId] = record;
    this.options.onChange();
    if (!this.options.url) return;
    this.queue.push(eventId);
    this.pump();
  }

  /** Queues again the deliveries a previous run left pending (restart with a data file). */
  resumePending(): void {
    if (!this.options.url) return;
    for (const record of Object.values(this.options.deliveries)) {
      if (record.status === "pending" && !this.queue.includes(record.eventId)) {
        this.queue.push(record.eventId);
      }
    }
    this.pump();
  }

  /** Resolves once no delivery is queued, waiting to retry, or in flight. */
  idle(): Promise<void> {
    if (this.closed || (!this.running && this.queue.length === 0)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops delivering (pending deliveries stay pending in the store) and waits for the worker. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.sleeping) {
      clearTimeout(this.sleeping.timer);
      this.sleeping.wake();
    }
    this.inFlight?.destroy(new Error("Emulator closing."));
    await this.running;
    this.flushWaiters();
  }

  private pump(): void {
    if (this.running || this.closed) return;
    this.running = this.work().finally(() => {
      this.running = null;
      this.flushWaiters();
    });
  }

  private flushWaiters(): void {
    if (this.running && !this.closed) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private async work(): Promise<void> {
    while (!this.closed && this.queue.length > 0) {
      const eventId = this.queue[0]!;
      await this.deliver(eventId);
      if (this.closed) return;
      this.queue.shift();
    }
  }

  private async deliver(eventId: string): Promise<void> {
    const { deliveries, retryDelaysMs, getEvent, onChange, log, secret } = this.options;
    const record = deliveries[eventId];
    const event = getEvent(eventId);
    if (!record || !event) return;
    const body = JSON.stringify(event, null, 2);
    for (let attempt = 0; !this.closed; attempt++) {
      const timestamp = wallClock();
      const result = await this.post(body, signatureHeader(body, secret, timestamp));
      if (this.closed) return;
      record.attempts.push({ at: timestamp, ...result });
      const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
      const outcome =
        result.statusCode === null
          ? (result.error ?? "network error")
          : `HTTP ${result.statusCode}`;
      if (ok) {
        record.status = "delivered";
        onChange();
        log(`webhook ${event.type} ${event.id} delivered (attempt ${attempt + 1}, ${outcome})`);
        return;
      }
      const delay = retryDelaysMs[attempt];
      if (delay === undefined) {
        record.status = "failed";
        onChange();
        log(`webhook ${event.type} ${event.id} failed after ${attempt + 1} attempts (${outcome})`);
        return;
      }
      onChange();
      log(
        `webhook ${event.type} ${event.id} attempt ${attempt + 1} failed (${outcome}); retrying in ${delay} ms`,
      );
      await this.sleep(delay);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.sleeping = null;
        resolve();
      };
      this.sleeping = { timer: setTimeout(wake, ms), wake };
    });
  }

  private post(body: string, signature: string): Promise<AttemptResult> {
    const url = new URL(this.options.url!);
    const transport = url.protocol === "https:" ? https : http;
    return new Promise((resolve) => {
      const req = transport.request(
        url,
        {
          method: "POST",
          agent: false,
          timeout: ATTEMPT_TIMEOUT_MS,
          headers: {
            "Content-Type": "application/json; charset=utf-8",
            "Content-Length": Buffer.byteLength(body),
            "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
            "Stripe-Signature": signature,
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve({ statusCode: res.statusCode ?? null, error: null }));
          res.on("error", (error) =>
            resolve({ statusCode: res.statusCode ?? null, error: error.message }),
          );
        },
      );
      this.inFlight = req;
      req.on("timeout", () => req.destroy(new Error(`timed out after ${ATTEMPT_TIMEOUT_MS} ms`)));
      req.on("error", (error) => resolve({ statusCode: null, error: error.message }));
      req.on("close", () => {
        if (this.inFlight === req) this.inFlight = null;
      });
      req.end(body);
    });
  }
}
