import type { APIRequestContext } from "@playwright/test";
import { expect, failedLoad, test } from "./support/test";
import pg from "pg";
import Stripe from "stripe";
import { clientIpHeader, newAccount, signIn } from "./support/accounts";
import {
  CLUSTER_STRIPE_KEY,
  CLUSTER_WEBHOOK_SECRET,
  ClusterDatabase,
  freePort,
  resetClusterLog,
  startApp,
  startStripeEmulator,
  type Started,
} from "./support/cluster";
import { payOnCheckout } from "./support/stripe";
import { stopAll } from "../tools/process-groups";

/**
 * Scale-out and faults, on a deployment of its own: two app instances (`npm start`, the standalone
 * build) on two ports share one PostgreSQL (the embedded server, run alone) and one Stripe
 * emulator. A session made on one is valid on the other, rate limits are shared, a webhook event
 * delivered to both is applied once. A third instance, reached directly, ignores a forged
 * X-Forwarded-For. Then the database stops under load: `/api/health` answers 503, pages show the
 * error boundary, and both recover by themselves when it returns.
 */

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);
test.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) });

const DEMO = { email: "demo@example.com", password: "demo-password-123" };
let database: ClusterDatabase;
let stripeEmulator: Started & { url: string };
const apps: (Started & { url: string })[] = [];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  resetClusterLog();
  database = new ClusterDatabase(await freePort());
  await database.start();
  stripeEmulator = await startStripeEmulator(await freePort());
  for (const name of ["app-a", "app-b"]) {
    apps.push(await startApp(name, await freePort(), database.url, stripeEmulator.url));
  }
});

// Every process group still running (also those of a start that failed half-way), then the data.
test.afterAll(async () => {
  await stopAll();
  await database?.remove();
});

/** Runs `sql` on the shared database. */
async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Waits until both instances' `/api/health` answer `status`, polling for up to `timeoutMs`. */
async function healthOfBoth(request: APIRequestContext, status: number, timeoutMs: number) {
  for (const app of apps) {
    await expect
      .poll(async () => (await request.get(`${app.url}/api/health`)).status(), {
        timeout: timeoutMs,
      })
      .toBe(status);
  }
}

/**
 * `session.signIn` over HTTP, as the sign-in form sends it, with `headers` (e.g. the client's
 * X-Forwarded-For); returns the status code.
 */
async function signInStatus(
  request: APIRequestContext,
  appUrl: string,
  email: string,
  headers: Record<string, string>,
  password = "not-the-password-123",
) {
  const response = await request.post(`${appUrl}/api/trpc/session.signIn`, {
    headers: { origin: appUrl, "content-type": "application/json", ...headers },
    data: { json: { email, password } },
  });
  return response.status();
}

test("a session made on one instance is valid on the other", async ({ page }) => {
  const [a, b] = apps;
  await signIn(page, DEMO.email, DEMO.password, a!.url);
  await expect(page.getByRole("heading", { name: /^Welcome, / })).toBeVisible();
  // Cookies are per host, not per port: the same cookie reaches instance B.
  await page.goto(`${b!.url}/w/acme-demo/projects`);
  await expect(page).toHaveURL(`${b!.url}/w/acme-demo/projects`);
  await expect(page.getByRole("heading", { name: "Acme Inc", level: 1 })).toBeVisible();
  await expect(page.getByTestId("project-row").first()).toBeVisible();
});

test("rate limits are shared: attempts on both instances count against one limit", async ({
  request,
}) => {
  const [a, b] = apps;
  const { email } = newAccount("Nobody", "ratelimit");
  const client = clientIpHeader();
  // sign-in:email+ip allows one client 10 attempts per 15 minutes (src/server/auth/rate-limit.ts):
  // 5 on each.
  for (let i = 0; i < 5; i++) {
    expect(await signInStatus(request, a!.url, email, client)).toBe(401);
    expect(await signInStatus(request, b!.url, email, client)).toBe(401);
  }
  expect(await signInStatus(request, a!.url, email, client)).toBe(429);
  expect(await signInStatus(request, b!.url, email, client)).toBe(429);
});

test("an instance reached directly (TRUSTED_PROXIES=0) ignores a forged X-Forwarded-For", async ({
  request,
}) => {
  const direct = await startApp(
    "app-direct",
    await freePort(),
    database.url,
    stripeEmulator.url,
    0,
  );
  const forged = (i: number) => ({ "x-forwarded-for": `198.51.100.${i}` });
  // The session records the connection's address, not the one the client claims.
  expect(await signInStatus(request, direct.url, DEMO.email, forged(200), DEMO.password)).toBe(200);
  const list = await request.get(`${direct.url}/api/trpc/session.list`);
  const sessions = (await list.json()).result.data.json as {
    current: boolean;
    ipAddress: string;
  }[];
  expect(sessions.find((session) => session.current)?.ipAddress).toBe("127.0.0.1");
  // Every attempt counts against that one address, however the header varies: sign-in:ip allows
  // 30 per 15 minutes, one of them spent above.
  const statuses: number[] = [];
  for (let i = 1; i <= 60 && !statuses.includes(429); i++) {
    const { email } = newAccount("Nobody", "forged");
    statuses.push(await signInStatus(request, direct.url, email, forged(i)));
  }
  expect(statuses).toEqual([...Array<number>(29).fill(401), 429]);
  await direct.stop();
});

test("a Stripe event delivered to both instances at once is applied once", async ({
  page,
  request,
}) => {
  const [a, b] = apps;
  await signIn(page, DEMO.email, DEMO.password, a!.url);
  await page.goto(`${a!.url}/w/acme-demo/billing`);
  await expect(page.getByTestId("current-plan")).toHaveText("Free");
  await page.getByRole("button", { name: "Upgrade to Pro" }).click();
  await payOnCheckout(page, "4242 4242 4242 4242", stripeEmulator.url);
  await expect(page).toHaveURL(/\/w\/acme-demo\/billing\?checkout=success/);

  // The emulator records the events without delivering them; deliver each to both, as a load
  // balancer could when Stripe retries, at the same moment.
  const url = new URL(stripeEmulator.url);
  const stripe = new Stripe(CLUSTER_STRIPE_KEY, {
    host: url.hostname,
    port: Number(url.port),
    protocol: "http",
  });
  const events = (await stripe.events.list({ limit: 100 })).data.reverse();
  expect(events.map((event) => event.type)).toContain("checkout.session.completed");
  for (const event of events) {
    const payload = JSON.stringify(event);
    const deliver = (appUrl: string) =>
      request.post(`${appUrl}/api/webhooks/stripe`, {
        headers: {
          "content-type": "application/json",
          "stripe-signature": Stripe.webhooks.generateTestHeaderString({
            payload,
            secret: CLUSTER_WEBHOOK_SECRET,
          }),
        },
        data: payload,
      });
    const answers = await Promise.all([deliver(a!.url), deliver(b!.url)]);
    const outcomes = await Promise.all(answers.map(async (r) => (await r.json()).outcome));
    // One run applies it; the other finds it done (200) or running (409: Stripe retries).
    expect(
      outcomes.filter((o) => o === "processed" || o === "ignored"),
      event.type,
    ).toHaveLength(1);
    for (const [i, outcome] of outcomes.entries()) {
      expect(["processed", "ignored", "duplicate", "busy"], event.type).toContain(outcome);
      if (outcome === "busy") {
        const retry = await deliver(i === 0 ? a!.url : b!.url);
        expect((await retry.json()).outcome).toBe("duplicate");
      }
    }
  }
  const stored = await query<{ id: string; attempts: number; status: string }>(
    `SELECT id, attempts, status FROM "StripeEvent" WHERE id = ANY($1)`,
    [events.map((event) => event.id)],
  );
  expect(stored).toHaveLength(events.length);
  for (const row of stored) {
    expect(row.attempts, row.id).toBe(1);
    expect(["processed", "ignored"]).toContain(row.status);
  }

  // Both instances show the new plan.
  for (const app of [a!, b!]) {
    await page.goto(`${app.url}/w/acme-demo/billing`);
    await expect(page.getByTestId("current-plan")).toHaveText("Pro");
  }
});

test("the database stops under load: 503 and the error boundary, then recovery with no restart", async ({
  page,
  request,
  expectConsoleErrors,
}) => {
  expectConsoleErrors(
    failedLoad(500, /\/w\/acme-demo$/, "the page is reloaded while the database is stopped"),
    {
      // React's production message for a server component that threw: the boundary shows it.
      text: /^Error: Minified React error #441;/,
      reason: "the page's server render fails while the database is stopped",
    },
    {
      // The browser's error reporter logs what the boundary caught (src/error-reporting/client.ts).
      text: /^\{"level":"error","msg":"error report"/,
      reason: "the boundary's error, reported by the default error hook",
    },
  );
  const [a, b] = apps;
  await signIn(page, DEMO.email, DEMO.password, a!.url);
  await page.goto(`${a!.url}/w/acme-demo`);
  await expect(page.getByRole("heading", { name: "Acme Inc", level: 1 })).toBeVisible();

  // Load on both instances for the whole test: health checks and a tRPC query.
  const statuses = new Map<number, number>();
  let loading = true;
  // A failed request ends the load with its error, kept (not left unhandled) until the end.
  const load = Promise.all(
    [a!, b!].flatMap((app) =>
      [`${app.url}/api/health`, `${app.url}/api/trpc/plan.list`].map(async (url) => {
        while (loading) {
          const response = await request.get(url, { timeout: 15_000 });
          statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }),
    ),
  ).then(
    () => null,
    (error: unknown) => error,
  );

  try {
    await database.stop();
    await healthOfBoth(request, 503, 20_000);
    await page.reload();
    const boundary = page.getByRole("alert").filter({ hasText: "We could not load" });
    await expect(boundary).toBeVisible();

    await database.start();
    await healthOfBoth(request, 200, 30_000);
    await boundary.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { name: "Acme Inc", level: 1 })).toBeVisible();
    await expect(boundary).toBeHidden();
  } finally {
    loading = false; // the load stops even when an expectation above fails
  }
  expect(await load).toBeNull();
  // Every answer was an answer: 200 while up, 503 while down; nothing hung, nothing else.
  expect([...statuses.keys()].sort()).toEqual([200, 503]);
});
