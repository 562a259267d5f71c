import type { APIResponse } from "@playwright/test";
import { expect, test } from "./support/test";

/**
 * Security headers on a page, on the tRPC endpoint and on the Stripe webhook, and no inline
 * script without the page's CSP nonce (src/server/http/security-headers.ts, src/proxy.ts).
 */

function expectCommonHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-frame-options"]).toBe("DENY");
  // `npm start` runs the production build: HSTS is on.
  expect(headers["strict-transport-security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  expect(headers["x-powered-by"]).toBeUndefined();
}

/** Asserts an HTML answer has a nonce-based CSP and that each of its scripts carries the nonce. */
async function expectNonceOnEveryScript(response: APIResponse, what: string) {
  expect(response.headers()["content-type"], what).toContain("text/html");
  const csp = response.headers()["content-security-policy"];
  expect(csp, `${what}: Content-Security-Policy`).toBeTruthy();
  const nonce = /'nonce-([^']+)'/.exec(csp!)?.[1];
  expect(nonce, `${what}: nonce`).toBeTruthy();
  const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `${what}: scripts`).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, `${what}: ${tag}`).toContain(`nonce="${nonce}"`);
}

test("a page has a nonce-based CSP, and every script in it carries that nonce", async ({
  request,
}) => {
  const response = await request.get("/pricing");
  expect(response.status()).toBe(200);
  expectCommonHeaders(response);
  const csp = response.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  for (const directive of [
    "'strict-dynamic'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toContain("'unsafe-eval'");
  await expectNonceOnEveryScript(response, "/pricing");
  // A new nonce per request.
  const again = (await request.get("/pricing")).headers()["content-security-policy"]!;
  expect(again).not.toContain(`'nonce-${nonce}'`);
});

test("every HTML answer has the CSP: prefetches, and 404s of paths with a dot", async ({
  request,
}) => {
  const answers: [string, Promise<APIResponse>][] = [
    ["Next-Router-Prefetch", request.get("/pricing", { headers: { "next-router-prefetch": "1" } })],
    ["Purpose: prefetch", request.get("/pricing", { headers: { purpose: "prefetch" } })],
    ["/pricing/x.y", request.get("/pricing/x.y")],
    ["/x.json", request.get("/x.json")],
  ];
  for (const [what, answer] of answers) {
    const response = await answer;
    expect([200, 404], what).toContain(response.status());
    await expectNonceOnEveryScript(response, what);
  }
});

test("the tRPC endpoint and the Stripe webhook carry the headers too", async ({ request }) => {
  const trpc = await request.get("/api/trpc/plan.list");
  expect(trpc.status()).toBe(200);
  expectCommonHeaders(trpc);
  expect(trpc.headers()["content-security-policy"]).toBe(
    "default-src 'none'; frame-ancestors 'none'",
  );

  const webhook = await request.post("/api/webhooks/stripe", { data: "{}" });
  expect(webhook.status()).toBe(400);
  expectCommonHeaders(webhook);
  expect(webhook.headers()["content-security-policy"]).toBe(
    "default-src 'none'; frame-ancestors 'none'",
  );
});
