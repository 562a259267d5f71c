import type { Page } from "@playwright/test";
import { expect, failedLoad, test } from "./support/test";

/**
 * The page guard (e2e/support/test.ts) itself: each defect it exists for fails the test
 * (`test.fail()`: the test passes only if the guard fails it), on pages served by the test so
 * nothing of the app is involved; a declared console error does not.
 */

const ORIGIN = "http://guard.test";

/** Opens `body` as a page of its own origin; `/missing` answers 404. */
async function open(page: Page, body: string) {
  await page.route(`${ORIGIN}/**`, (route) =>
    new URL(route.request().url()).pathname === "/missing"
      ? route.fulfill({ status: 404, body: "" })
      : route.fulfill({ contentType: "text/html", body: `<!doctype html><body>${body}</body>` }),
  );
  await page.goto(`${ORIGIN}/`);
}

test("a page that scrolls sideways fails the test", async ({ page }) => {
  test.fail();
  await open(page, `<div style="width: 3000px">too wide</div>`);
});

test("a sideways scroll that comes and goes is caught too", async ({ page }) => {
  test.fail();
  await open(
    page,
    `<script>
      const wide = document.createElement("div");
      wide.style.width = "3000px";
      wide.textContent = "too wide for a moment";
      setTimeout(() => document.body.append(wide), 50);
      setTimeout(() => wide.remove(), 1000);
    </script>`,
  );
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => document.body.children.length)).toBe(1); // only the script
});

test("a console error fails the test", async ({ page }) => {
  test.fail();
  await open(page, `<script>console.error("something broke")</script>`);
});

test("an uncaught error (as React reports a hydration mismatch) fails the test", async ({
  page,
}) => {
  test.fail();
  await open(
    page,
    `<script>setTimeout(() => { throw new Error("Minified React error #418"); })</script>`,
  );
  await page.waitForTimeout(200);
});

test("a page in a context the test made itself is watched too", async ({ browser }) => {
  test.fail();
  const context = await browser.newContext();
  await open(await context.newPage(), `<script>console.error("on another device")</script>`);
  await context.close();
});

test("a console error the test declares, with its reason, passes", async ({
  page,
  expectConsoleErrors,
}) => {
  expectConsoleErrors(failedLoad(404, /^http:\/\/guard\.test\/missing$/, "this test asks for it"));
  await open(page, `<img alt="" src="/missing">`);
  await page.waitForLoadState("networkidle");
});
