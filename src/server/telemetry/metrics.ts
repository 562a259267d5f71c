/**
 * The app's Prometheus metrics (`prom-client`), served by `GET /api/metrics`
 * (src/app/api/metrics/route.ts). Names follow Prometheus' conventions (base units: seconds;
 * `_total` for counters) and OpenTelemetry's semantic conventions where one exists
 * (`http_server_request_duration_seconds` is `http.server.request.duration`).
 *
 * Two kinds:
 * - **Per process, recorded as work happens** (an `observe()` per request or procedure: a few
 *   µs, against requests of milliseconds): request and procedure latency histograms, procedure errors by code, and the wait
 *   for a pooled database connection. With several app instances each reports its own: sum them.
 * - **Read on scrape** from the pool and the database (gauges): pool connections, job queue depth
 *   and retained failures per queue, webhook inbox by status and its lag. The database-derived
 *   ones are the same from every instance: take `max`, not `sum`.
 *
 * Node's default process metrics (`process_*`, `nodejs_*`: CPU, memory, event-loop lag, GC) are
 * included.
 */
import "server-only";
import type { Pool } from "pg";
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CollectFunction,
} from "prom-client";
import { logger } from "@/server/log";

/** Latency buckets in seconds, 5 ms to 10 s (prom-client's defaults, OTel's HTTP advice). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/** Connection-wait buckets in seconds: most waits are 0 or sub-millisecond, a timeout is 5 s. */
const WAIT_BUCKETS = [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10];

/** What the scrape-time gauges read; set by {@link registerSources}. */
interface Sources {
  /** Rows of `{ queue, state, jobs }` for the job queues. */
  jobCounts?: () => Promise<{ queue: string; state: string; jobs: number }[]>;
  /** Webhook inbox events by status (every status, zeros included). */
  webhookEventCounts?: () => Promise<Record<string, number>>;
  /** Age of the oldest unhandled webhook event in seconds; 0 when there is none. */
  webhookLagSeconds?: () => Promise<number>;
}

/** Wraps a scrape-time collector so a failing source (database down) leaves its gauge empty. */
function safely<T extends Gauge>(name: string, collect: (gauge: T) => Promise<void>) {
  return async function (this: T) {
    this.reset();
    try {
      await collect(this);
    } catch (error) {
      logger.warn({ err: error, metric: name }, "metrics source failed");
    }
  } as CollectFunction<T>;
}

/** The process's metrics and registry; built once (kept on globalThis across dev reloads). */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const sources: Sources = {};
  /**
   * The process's database pools ({@link measureConnectionWait}): the one behind the app's Prisma
   * client, once per server bundle that loads it (Next may load `db.ts` in more than one).
   */
  const pools = new Set<Pool>();
  /** The pools still open; ended ones are dropped. */
  const openPools = () => {
    for (const pool of pools) if (pool.ended) pools.delete(pool);
    return [...pools];
  };
  const sum = (read: (pool: Pool) => number) =>
    openPools().reduce((total, pool) => total + read(pool), 0);

  const httpDuration = new Histogram({
    name: "http_server_request_duration_seconds",
    help: "Duration of HTTP requests to the app's API routes, by route template, method and status.",
    labelNames: ["http_route", "http_request_method", "http_response_status_code"],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const procedureDuration = new Histogram({
    name: "trpc_procedure_duration_seconds",
    help: "Duration of tRPC procedure calls (HTTP and server-side prefetch), by procedure, type and result code (OK or the TRPCError code).",
    labelNames: ["procedure", "type", "code"],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const procedureErrors = new Counter({
    name: "trpc_procedure_errors_total",
    help: "tRPC procedure calls that ended in an error, by procedure and TRPCError code.",
    labelNames: ["procedure", "code"],
    registers: [registry],
  });
  const poolWait = new Histogram({
    name: "db_client_connection_wait_seconds",
    help: "Time spent waiting for a connection from the database pool (pg.Pool connect), including failed waits.",
    buckets: WAIT_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: "db_client_connections",
    help: "Connections of this process's database pools, by state (idle, used).",
    labelNames: ["state"],
    registers: [registry],
    collect: safely("db_client_connections", async (gauge) => {
      gauge.set(
        { state: "idle" },
        sum((pool) => pool.idleCount),
      );
      gauge.set(
        { state: "used" },
        sum((pool) => pool.totalCount - pool.idleCount),
      );
    }),
  });
  new Gauge({
    name: "db_client_connections_max",
    help: "Most connections this process's database pools may open (DATABASE_POOL_MAX each).",
    registers: [registry],
    collect: safely("db_client_connections_max", async (gauge) => {
      gauge.set(sum((pool) => pool.options.max ?? 10));
    }),
  });
  new Gauge({
    name: "db_client_connections_pending_requests",
    help: "Queries waiting for a connection from this process's database pools.",
    registers: [registry],
    collect: safely("db_client_connections_pending_requests", async (gauge) => {
      gauge.set(sum((pool) => pool.waitingCount));
    }),
  });
  new Gauge({
    name: "job_queue_jobs",
    help: "Jobs stored per pg-boss queue and state: created and retry are the queue depth, active are running, failed are retained failures (recent, bounded by retention). Same from every instance.",
    labelNames: ["queue", "state"],
    registers: [registry],
    collect: safely("job_queue_jobs", async (gauge) => {
      for (const row of (await sources.jobCounts?.()) ?? []) {
        gauge.set({ queue: row.queue, state: row.state }, row.jobs);
      }
    }),
  });
  new Gauge({
    name: "stripe_webhook_events",
    help: "Stripe events in the webhook inbox, by status (received, processing, processed, failed, ignored). Same from every instance.",
    labelNames: ["status"],
    registers: [registry],
    collect: safely("stripe_webhook_events", async (gauge) => {
      const counts = await sources.webhookEventCounts?.();
      for (const [status, count] of Object.entries(counts ?? {})) gauge.set({ status }, count);
    }),
  });
  new Gauge({
    name: "stripe_webhook_inbox_lag_seconds",
    help: "Age of the oldest webhook event not handled yet (received, processing or failed); 0 when none. Same from every instance.",
    registers: [registry],
    collect: safely("stripe_webhook_inbox_lag_seconds", async (gauge) => {
      const lag = await sources.webhookLagSeconds?.();
      if (lag !== undefined) gauge.set(lag);
    }),
  });

  return { registry, sources, pools, httpDuration, procedureDuration, procedureErrors, poolWait };
}

const globalForMetrics = globalThis as typeof globalThis & {
  appMetrics?: ReturnType<typeof createMetrics>;
};

/** The process's metrics (see the module comment). */
export const metrics = (globalForMetrics.appMetrics ??= createMetrics());

/** Tells the scrape-time gauges where to read (src/server/telemetry/sources.ts). */
export function registerSources(sources: Sources): void {
  Object.assign(metrics.sources, sources);
}

/** Records one API route request: its route template (e.g. "/api/trpc"), method, status, duration in ms. */
export function recordHttpRequest(route: string, method: string, status: number, ms: number): void {
  metrics.httpDuration.observe(
    { http_route: route, http_request_method: method, http_response_status_code: status },
    ms / 1000,
  );
}

/** Records one procedure call: `code` is "OK" or the TRPCError code; duration in ms. */
export function recordProcedure(procedure: string, type: string, code: string, ms: number): void {
  metrics.procedureDuration.observe({ procedure, type, code }, ms / 1000);
  if (code !== "OK") metrics.procedureErrors.inc({ procedure, code });
}

/**
 * Reports `pool` in the `db_client_connections*` gauges and measures how long `pool.connect()`
 * waits for a connection (opening one included), into `db_client_connection_wait_seconds`: both
 * the promise form (Prisma's transactions) and the callback form (`pool.query`) go through it.
 * Returns `pool`.
 */
export function measureConnectionWait(pool: Pool): Pool {
  if (metrics.pools.has(pool)) return pool; // a dev reload reuses the client and its pool
  metrics.pools.add(pool);
  const connect = pool.connect.bind(pool) as (callback?: (...args: unknown[]) => void) => unknown;
  const observe = (start: number) => metrics.poolWait.observe((performance.now() - start) / 1000);
  (pool as { connect: unknown }).connect = (callback?: (...args: unknown[]) => void) => {
    const start = performance.now();
    if (callback) {
      return connect((...args: unknown[]) => {
        observe(start);
        callback(...args);
      });
    }
    return (connect() as Promise<unknown>).then(
      (client) => {
        observe(start);
        return client;
      },
      (error: unknown) => {
        observe(start);
        throw error;
      },
    );
  };
  return pool;
}
