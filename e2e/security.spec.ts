import { expect, test, type APIResponse } from "@playwright/test";

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
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
  // A new nonce per request.
  const again = (await request.get("/pricing")).headers()["content-security-policy"]!;
  expect(again).not.toContain(`'nonce-${nonce}'`);
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
