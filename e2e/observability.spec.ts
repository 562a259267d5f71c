import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/test";
import { E2E_METRICS_TOKEN } from "../playwright.config";
import { clientIpHeader, signUpAndVerify } from "./support/accounts";

/**
 * `/api/metrics` on the production build: refused without the Bearer token, and a scrape whose
 * request and procedure series grow with a journey (a sign-up and the dashboard). The server is
 * shared with parallel tests, so only increases are asserted.
 */

test.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) });

/** The sum of series `name` whose labels include `labels`, from one authorised scrape. */
async function scrape(request: APIRequestContext) {
  const response = await request.get("/api/metrics", {
    headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` },
  });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  return (name: string, labels: Record<string, string> = {}) =>
    text
      .split("\n")
      .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
      .filter((line) => Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(" ") + 1)), 0);
}

test("metrics are refused without the token and count the requests of a journey", async ({
  page,
  request,
}) => {
  for (const authorization of [undefined, "Bearer not-the-token-0123456789"]) {
    const refused = await request.get("/api/metrics", {
      headers: authorization ? { authorization } : {},
    });
    expect(refused.status()).toBe(401);
    expect(refused.headers()["www-authenticate"]).toMatch(/^Bearer/);
  }

  const before = await scrape(request);
  await signUpAndVerify(page);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const after = await scrape(request);

  const trpcPosts = { http_route: "/api/trpc", http_request_method: "POST" };
  const posts = "http_server_request_duration_seconds_count";
  expect(after(posts, trpcPosts)).toBeGreaterThan(before(posts, trpcPosts));
  const calls = "trpc_procedure_duration_seconds_count";
  expect(after(calls, { type: "mutation", code: "OK" })).toBeGreaterThan(
    before(calls, { type: "mutation", code: "OK" }),
  );
  expect(after(calls, { type: "query" })).toBeGreaterThan(before(calls, { type: "query" }));
  expect(after("db_client_connections_max")).toBeGreaterThan(0);
  expect(after("job_queue_jobs", { queue: "send-email" })).toBeGreaterThanOrEqual(0);
  expect(after("process_resident_memory_bytes")).toBeGreaterThan(0);
});
