import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { clientIpHeader, signIn } from "./support/accounts";

/**
 * Accessibility: axe scans the main pages, signed out and signed in, in light and dark mode; no
 * serious or critical violation (WCAG 2.1 A/AA rules).
 */

test.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) });

async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    label,
  ).toEqual([]);
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`signed-out and signed-in pages have no serious violations (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    for (const path of ["/", "/pricing", "/sign-in", "/sign-up", "/forgot-password"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expectNoSeriousViolations(page, `${path} (${colorScheme})`);
    }
    await signIn(page, "demo@example.com", "demo-password-123");
    for (const path of [
      "/dashboard",
      "/settings",
      "/w/acme-demo",
      "/w/acme-demo/projects",
      "/w/acme-demo/activity",
      "/w/acme-demo/members",
      "/w/acme-demo/billing",
      "/w/acme-demo/settings",
    ]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expectNoSeriousViolations(page, `${path} (${colorScheme})`);
    }
  });
}
