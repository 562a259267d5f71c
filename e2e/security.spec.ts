import { createHash } from "node:crypto";
import type { APIResponse } from "@playwright/test";
import { expect, test } from "./support/test";

/**
 * Security headers on a page, on the tRPC endpoint and on the Stripe webhook; no inline script
 * without the page's CSP nonce on pages rendered per request (src/server/http/security-headers.ts,
 * src/proxy.ts); on the public pages served from cache, a CSP without nonce that lists the hash of
 * every inline script (src/server/http/public-page-cache.mjs), and no CSP violation in a browser.
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

/**
 * Asserts an HTML answer comes from the cache with a CSP that has no nonce, no 'unsafe-inline' and
 * no 'unsafe-eval' for scripts, and lists the SHA-256 of each of its inline scripts.
 */
async function expectHashForEveryInlineScript(response: APIResponse, what: string) {
  expect(response.headers()["content-type"], what).toContain("text/html");
  const csp = response.headers()["content-security-policy"];
  expect(csp, `${what}: one Content-Security-Policy`).toMatch(/^default-src [^,]+$/);
  const scriptSrc = csp!.split("; ").find((directive) => directive.startsWith("script-src "))!;
  expect(scriptSrc, what).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+$/);
  const inline = [
    ...(await response.text()).matchAll(/<script(?![^>]*\ssrc=)[^>]*>(.*?)<\/script>/gs),
  ];
  expect(inline.length, `${what}: inline scripts`).toBeGreaterThan(0);
  for (const [, body] of inline) {
    const hash = createHash("sha256").update(body!).digest("base64");
    expect(scriptSrc, `${what}: ${body!.slice(0, 60)}`).toContain(`'sha256-${hash}'`);
  }
}

test("public pages come from the cache under a hash-based CSP, and run without a violation", async ({
  page,
  request,
}) => {
  for (const path of [
    "/",
    "/pricing",
    "/pricing/pro",
    "/terms",
    "/blog",
    "/changelog",
    "/blog/welcome",
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expectCommonHeaders(response);
    await expectHashForEveryInlineScript(response, path);
    // Rendered once per server start (the cache handler), then a hit.
    expect(response.headers()["x-nextjs-cache"], path).toMatch(/^(HIT|STALE|MISS)$/);
    expect(response.headers()["cache-control"], path).toMatch(/\bs-maxage=\d+/);
    // The same answer for every visitor: the same policy twice.
    const again = await request.get(path);
    expect(again.headers()["content-security-policy"]).toBe(
      response.headers()["content-security-policy"],
    );
    expect(again.headers()["x-nextjs-cache"], path).toMatch(/^(HIT|STALE)$/);
  }

  // In a browser: nothing blocked (a violation would also be a console error the guard fails
  // on), and the page hydrates (the pricing switch works, the theme script ran).
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI} ${event.sample}`,
      );
    });
  });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/pricing");
  await page.waitForLoadState("networkidle");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.getByRole("radio", { name: "Yearly" }).click();
  await expect(page.getByRole("radio", { name: "Yearly" })).toHaveAttribute("aria-checked", "true");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Sign in" })
    .click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/sign-in");
  await page.waitForLoadState("networkidle");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});

test("a page rendered per request has a nonce-based CSP, and every script in it carries that nonce", async ({
  request,
}) => {
  const response = await request.get("/sign-in");
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
  await expectNonceOnEveryScript(response, "/sign-in");
  // A new nonce per request.
  const again = (await request.get("/sign-in")).headers()["content-security-policy"]!;
  expect(again).not.toContain(`'nonce-${nonce}'`);
});

test("every HTML answer has the CSP: prefetches, and 404s of paths with a dot", async ({
  request,
}) => {
  const answers: [string, Promise<APIResponse>][] = [
    ["Next-Router-Prefetch", request.get("/sign-in", { headers: { "next-router-prefetch": "1" } })],
    ["Purpose: prefetch", request.get("/sign-in", { headers: { purpose: "prefetch" } })],
    ["/pricing/x.y", request.get("/pricing/x.y")],
    ["/x.json", request.get("/x.json")],
  ];
  for (const [what, answer] of answers) {
    const response = await answer;
    expect([200, 404], what).toContain(response.status());
    await expectNonceOnEveryScript(response, what);
  }
  const prefetch = await request.get("/pricing", { headers: { purpose: "prefetch" } });
  await expectHashForEveryInlineScript(prefetch, "/pricing, Purpose: prefetch");
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
