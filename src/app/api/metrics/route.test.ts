/**
 * `GET /api/metrics` against the real database and queue: off (404) without METRICS_TOKEN, 401
 * without the right Bearer token, and a scrape whose series move with the requests, procedure
 * errors, pool use, queued jobs and webhook inbox rows made before it.
 */
import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { POST as webhook } from "@/app/api/webhooks/stripe/route";
import { GET as trpc } from "@/app/api/trpc/[trpc]/route";
import { db } from "@/server/db";
import { enqueue } from "@/server/jobs/queue";
import { cleanDatabaseBeforeEach } from "@/test/database";

// Set before the app's env is read (vi.hoisted runs ahead of the imports).
const TOKEN = vi.hoisted(() => {
  const token = "metrics-token-for-tests-0123456789";
  process.env.METRICS_TOKEN = token;
  return token;
});

cleanDatabaseBeforeEach();

/** A scrape with `authorization` (none when undefined). */
function scrape(authorization?: string, get = GET) {
  const headers = authorization ? { authorization } : undefined;
  return get(new Request("http://localhost/api/metrics", { headers }));
}

/** The value of series `name` whose labels include `labels`, summed over the matches; 0 if none. */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split("\n")) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, want]) => found[key] === want)) {
      total += Number(match[3]);
    }
  }
  return total;
}

async function metricsText(): Promise<string> {
  const response = await scrape(`Bearer ${TOKEN}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** `GET /api/trpc/<path>` with `input`, as the browser's batch link sends it. */
function query(path: string, input: unknown) {
  const encoded = encodeURIComponent(JSON.stringify({ 0: { json: input } }));
  return trpc(new Request(`http://localhost/api/trpc/${path}?batch=1&input=${encoded}`));
}

describe("GET /api/metrics", () => {
  it("answers 401 without the Bearer token or with a wrong one", async () => {
    for (const authorization of [
      undefined,
      "Bearer wrong-token-0123456789",
      TOKEN,
      `Basic ${TOKEN}`,
    ]) {
      const response = await scrape(authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await response.text()).not.toContain("trpc_");
    }
  });

  it("answers 404 when METRICS_TOKEN is not set: the endpoint is off", async () => {
    vi.resetModules();
    delete process.env.METRICS_TOKEN;
    try {
      const { GET: off } = await import("@/app/api/metrics/route");
      expect((await scrape(`Bearer ${TOKEN}`, off)).status).toBe(404);
    } finally {
      process.env.METRICS_TOKEN = TOKEN;
    }
  });

  it("reports requests, procedure errors, the pool, queued jobs and the webhook inbox", async () => {
    const before = await metricsText();
    const route = { http_route: "/api/trpc", http_request_method: "GET" };

    expect((await query("plan.list", {})).status).toBe(200);
    expect((await query("plan.list", {})).status).toBe(200);
    expect((await query("dashboard.overview", { workspaceSlug: "acme" })).status).toBe(401);
    const refused = await webhook(
      new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: "{}" }),
    );
    expect(refused.status).toBe(400);
    await enqueue("cleanup", {});
    await enqueue("cleanup", {});
    const minuteAgo = new Date(Date.now() - 60_000);
    await db.stripeEvent.createMany({
      data: [
        { id: "evt_1", type: "invoice.paid", status: "failed" as const, receivedAt: minuteAgo },
        { id: "evt_2", type: "invoice.paid", status: "processed" as const },
      ].map((event) => ({ ...event, payload: {}, stripeCreatedAt: new Date() })),
    });

    const after = await metricsText();
    const grew = (name: string, labels: Record<string, string>) =>
      value(after, name, labels) - value(before, name, labels);
    // Requests by route, method and status; procedures by path, type and code.
    expect(
      grew("http_server_request_duration_seconds_count", {
        ...route,
        http_response_status_code: "200",
      }),
    ).toBe(2);
    expect(
      grew("http_server_request_duration_seconds_count", {
        ...route,
        http_response_status_code: "401",
      }),
    ).toBe(1);
    expect(
      grew("http_server_request_duration_seconds_count", {
        http_route: "/api/webhooks/stripe",
        http_response_status_code: "400",
      }),
    ).toBe(1);
    expect(
      grew("trpc_procedure_duration_seconds_count", {
        procedure: "plan.list",
        type: "query",
        code: "OK",
      }),
    ).toBe(2);
    expect(
      grew("trpc_procedure_errors_total", {
        procedure: "dashboard.overview",
        code: "UNAUTHORIZED",
      }),
    ).toBe(1);
    expect(grew("trpc_procedure_errors_total", { procedure: "plan.list" })).toBe(0);
    // The pool behind Prisma: connections by state, its size, and waits for a connection.
    expect(value(after, "db_client_connections_max")).toBe(10);
    expect(value(after, "db_client_connections", { state: "idle" })).toBeGreaterThan(0);
    expect(value(after, "db_client_connections_pending_requests")).toBe(0);
    expect(grew("db_client_connection_wait_seconds_count", {})).toBeGreaterThan(0);
    // The queue's depth per queue and state, zeros included; the webhook inbox and its lag.
    expect(value(after, "job_queue_jobs", { queue: "cleanup", state: "created" })).toBe(2);
    expect(value(after, "job_queue_jobs", { queue: "send-email", state: "failed" })).toBe(0);
    expect(after).toMatch(/^job_queue_jobs\{queue="send-email",state="failed"\} 0$/m);
    expect(after).not.toContain('queue="__pgboss__');
    expect(value(after, "stripe_webhook_events", { status: "failed" })).toBe(1);
    expect(value(after, "stripe_webhook_events", { status: "processed" })).toBe(1);
    expect(value(after, "stripe_webhook_events", { status: "received" })).toBe(0);
    expect(value(after, "stripe_webhook_inbox_lag_seconds")).toBeGreaterThanOrEqual(60);
    // Node's process metrics.
    expect(value(after, "process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  it("reports no inbox lag when every event is handled", async () => {
    await db.stripeEvent.create({
      data: {
        id: "evt_3",
        type: "invoice.paid",
        status: "processed",
        payload: {},
        stripeCreatedAt: new Date(),
        receivedAt: new Date(Date.now() - 3_600_000),
      },
    });
    expect(value(await metricsText(), "stripe_webhook_inbox_lag_seconds")).toBe(0);
  });
});
