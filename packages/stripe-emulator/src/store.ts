/**
 * The emulator's whole state in one JSON-serialisable object, its persistence and its ids.
 *
 * Objects are kept exactly as the REST API returns them (typed by the `stripe` package), keyed by
 * id in insertion order (so "newest first" is the reverse of a record's keys). With a data file the
 * state is loaded at start and rewritten after each change (temp file + rename, so a crash never
 * leaves half a file). The clock is the real time plus `clockOffsetSeconds`.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type Stripe from "stripe";

/** One attempt to deliver an event to the webhook URL. `at` is wall-clock unix seconds. */
export interface DeliveryAttempt {
  at: number;
  /** HTTP status of the answer; null on a network error or timeout. */
  statusCode: number | null;
  error: string | null;
}

/** How an event's webhook delivery went. "not_sent": no webhook URL was configured. */
export interface DeliveryRecord {
  eventId: string;
  status: "pending" | "delivered" | "failed" | "not_sent";
  attempts: DeliveryAttempt[];
}

/** A stored answer to a POST with an `Idempotency-Key`. `at` is wall-clock unix seconds. */
export interface IdempotentResponse {
  method: string;
  path: string;
  /** The request parameters, serialised, to refuse the same key with different parameters. */
  params: string;
  status: number;
  body: string;
  at: number;
}

/** What a Checkout session sells, kept beside the session (Stripe returns it only when expanded). */
export interface CheckoutDetails {
  price: string;
  quantity: number;
  /** `subscription_data[metadata]`: the subscription's metadata. */
  subscriptionMetadata: Record<string, string>;
  /** `subscription_data[trial_period_days]`; null without a trial. */
  trialPeriodDays: number | null;
}

/** Emulator bookkeeping about a subscription that Stripe keeps internally. */
export interface SubscriptionState {
  /** Emulator time (unix seconds) the subscription went past_due; null when it is not. */
  pastDueSince: number | null;
}

export interface EmulatorState {
  version: 1;
  /** Seconds added to the real clock by `advanceClock`. */
  clockOffsetSeconds: number;
  /** Sequence for invoice numbers. */
  invoiceCounter: number;
  customers: Record<string, Stripe.Customer>;
  products: Record<string, Stripe.Product>;
  prices: Record<string, Stripe.Price>;
  paymentMethods: Record<string, Stripe.PaymentMethod>;
  checkoutSessions: Record<string, Stripe.Checkout.Session>;
  checkoutDetails: Record<string, CheckoutDetails>;
  portalSessions: Record<string, Stripe.BillingPortal.Session>;
  subscriptions: Record<string, Stripe.Subscription>;
  subscriptionState: Record<string, SubscriptionState>;
  invoices: Record<string, Stripe.Invoice>;
  events: Record<string, Stripe.Event>;
  deliveries: Record<string, DeliveryRecord>;
  idempotency: Record<string, IdempotentResponse>;
}

/** An empty state with the clock at real time. */
export function emptyState(): EmulatorState {
  return {
    version: 1,
    clockOffsetSeconds: 0,
    invoiceCounter: 0,
    customers: {},
    products: {},
    prices: {},
    paymentMethods: {},
    checkoutSessions: {},
    checkoutDetails: {},
    portalSessions: {},
    subscriptions: {},
    subscriptionState: {},
    invoices: {},
    events: {},
    deliveries: {},
    idempotency: {},
  };
}

const ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A Stripe-looking id: `prefix` + "_" + 24 random base-62 characters (e.g. `cus_…`, `sub_…`). */
export function newId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += ID_ALPHABET[byte % ID_ALPHABET.length];
  return `${prefix}_${out}`;
}

/** Real wall-clock time, unix seconds. */
export function wallClock(): number {
  return Math.floor(Date.now() / 1000);
}

/** A deep copy through JSON: what a client would receive (Decimal values become strings). */
export function snapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Items of a keyed record, newest first. */
export function newestFirst<T>(record: Record<string, T>): T[] {
  return Object.values(record).reverse();
}

/** The state, its clock and its persistence. */
export class Store {
  readonly state: EmulatorState;

  constructor(private readonly dataFile?: string) {
    this.state = dataFile ? loadState(dataFile) : emptyState();
  }

  /** The emulator clock, unix seconds. */
  now(): number {
    return wallClock() + this.state.clockOffsetSeconds;
  }

  /** Writes the state to the data file (no-op without one). Call after every change. */
  save(): void {
    if (!this.dataFile) return;
    mkdirSync(path.dirname(this.dataFile), { recursive: true });
    const temp = `${this.dataFile}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.state));
    renameSync(temp, this.dataFile);
  }

  /** The next invoice number, e.g. "EMU-0007". */
  nextInvoiceNumber(): string {
    this.state.invoiceCounter += 1;
    return `EMU-${String(this.state.invoiceCounter).padStart(4, "0")}`;
  }

  /** Drops idempotency entries older than 24 hours (Stripe's retention). */
  pruneIdempotency(): void {
    const cutoff = wallClock() - 24 * 3600;
    for (const [key, entry] of Object.entries(this.state.idempotency)) {
      if (entry.at < cutoff) delete this.state.idempotency[key];
    }
  }
}

function loadState(file: string): EmulatorState {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyState();
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<EmulatorState>;
  if (parsed.version !== 1) {
    throw new Error(`Stripe emulator: ${file} is not an emulator data file (version 1).`);
  }
  return { ...emptyState(), ...parsed };
}
