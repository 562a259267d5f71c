/**
 * A local Stripe emulator for development and tests: an HTTP server (node:http) that answers the
 * part of Stripe's REST API the app uses, through the official SDK pointed at it
 * (`new Stripe(key, { host: "127.0.0.1", port, protocol: "http" })`), serves hosted Checkout and
 * Customer Portal pages, and delivers signed webhooks. A clock that can be advanced drives
 * renewals, failed payments and cancellations. Refuses to start in production.
 *
 * It knows no product of its own: the caller passes its price catalogue (`prices`), which is
 * created at start when absent.
 *
 * Modules: store.ts (state, persistence, ids), objects.ts (Stripe-typed builders), api/ (REST:
 * router.ts, request.ts, params.ts, expand.ts, and resources/ with one module per Stripe
 * resource), hosted.ts + pages.ts (HTML), billing.ts (operations), clock.ts (lifecycle), cards.ts
 * (test cards), webhooks.ts (signing, delivery queue), cli.ts (the foreground process).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { handleApi } from "./api/router";
import { advanceClock, runLifecycle } from "./clock";
import type { Context } from "./context";
import { sendHtml, sendJson } from "./http";
import { handleHosted } from "./hosted";
import { buildPrice, buildProduct } from "./objects";
import { messagePage } from "./pages";
import { Store } from "./store";
import { WebhookQueue } from "./webhooks";

/** A product + recurring price created at start when absent. `unitAmount` is cents. */
export interface EmulatorPriceSeed {
  id: string;
  lookupKey: string;
  productId: string;
  productName: string;
  unitAmount: number;
  currency: string;
  interval: "month" | "year";
}

export interface StripeEmulatorOptions {
  /** Default 12111; 0 = any free port. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** Events are POSTed here; omitted = events are only recorded. */
  webhookUrl?: string;
  /** "whsec_…", signs deliveries. */
  webhookSecret: string;
  /** Products and prices created at start if absent (idempotent; the given ids are kept). */
  prices?: EmulatorPriceSeed[];
  /** JSON file persisting all state across restarts; omitted = memory only. */
  dataFile?: string;
  /** Delays between delivery attempts after a non-2xx answer or network error, ms. */
  retryDelaysMs?: number[];
  /** One line per event, delivery and internal error; default: no output. */
  log?: (line: string) => void;
}

export interface StripeEmulator {
  /** "http://127.0.0.1:<port>". */
  url: string;
  port: number;
  /** The emulator clock, unix seconds. */
  now(): number;
  /** Moves the clock forward; runs the renewals/cancellations due and queues their events. */
  advanceClock(seconds: number): Promise<void>;
  /** Resolves when no webhook delivery is pending or in flight (tests). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 12111;
const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 16000, 32000];

/** Starts the emulator. Throws when NODE_ENV is "production" or the webhook secret is missing. */
export async function startStripeEmulator(options: StripeEmulatorOptions): Promise<StripeEmulator> {
  if (process.env.NODE_ENV === "production") {
    throw new Error(
      "The Stripe emulator is for development and tests only: refusing to start with NODE_ENV=production.",
    );
  }
  if (!options.webhookSecret)
    throw new Error("The Stripe emulator needs a webhookSecret (whsec_…).");
  const log = options.log ?? (() => {});
  const store = new Store(options.dataFile);
  const webhooks = new WebhookQueue({
    url: options.webhookUrl,
    secret: options.webhookSecret,
    retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    deliveries: store.state.deliveries,
    getEvent: (id) => store.state.events[id],
    onChange: () => store.save(),
    log,
  });
  const ctx: Context = { store, webhooks, baseUrl: "", webhookUrl: options.webhookUrl, log };
  seedPrices(ctx, options.prices ?? []);

  const server = http.createServer((req, res) => {
    void handle(ctx, req, res);
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  ctx.baseUrl = url;
  store.save();
  webhooks.resumePending();
  runLifecycle(ctx);
  log(`Stripe emulator listening on ${url}`);

  return {
    url,
    port,
    now: () => store.now(),
    advanceClock: async (seconds) => {
      advanceClock(ctx, seconds);
    },
    idle: () => webhooks.idle(),
    close: async () => {
      await webhooks.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.save();
    },
  };
}

function seedPrices(ctx: Context, seeds: EmulatorPriceSeed[]): void {
  const { state } = ctx.store;
  const created = ctx.store.now();
  for (const seed of seeds) {
    if (!state.products[seed.productId]) {
      state.products[seed.productId] = buildProduct(
        { id: seed.productId, created },
        { name: seed.productName, description: null, active: true, metadata: {} },
      );
    }
    if (!state.prices[seed.id]) {
      const lookupKeyTaken = Object.values(state.prices).some(
        (p) => p.lookup_key === seed.lookupKey,
      );
      state.prices[seed.id] = buildPrice(
        { id: seed.id, created },
        {
          product: seed.productId,
          unitAmount: seed.unitAmount,
          currency: seed.currency,
          interval: seed.interval,
          intervalCount: 1,
          lookupKey: lookupKeyTaken ? null : seed.lookupKey,
          nickname: null,
          active: true,
          metadata: {},
        },
      );
    }
  }
}

async function handle(
  ctx: Context,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.local");
  try {
    if (url.pathname.startsWith("/v1/") || url.pathname === "/v1") {
      await handleApi(ctx, req, res, url);
      return;
    }
    if (await handleHosted(ctx, req, res, url)) return;
    sendHtml(res, 404, messagePage("Not found", `Nothing at ${url.pathname}.`));
  } catch (error) {
    ctx.log(`error ${req.method} ${url.pathname}: ${String(error)}`);
    if (!res.headersSent) {
      sendJson(
        res,
        500,
        JSON.stringify({ error: error instanceof Error ? error.message : String(error) }),
      );
    } else {
      res.end();
    }
  }
}
