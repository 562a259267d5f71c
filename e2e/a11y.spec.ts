import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, failedLoad, test } from "./support/test";
import { clientIpHeader } from "./support/accounts";
import { SEEDED, SESSIONS } from "./support/sessions";

/**
 * Accessibility: axe scans every page of the app the e2e suite visits, signed out, signed in and
 * as staff, in light and dark mode; no serious or critical violation (WCAG 2.1 A/AA rules). The
 * Stripe emulator's hosted pages stand in for Stripe's and are not scanned.
 */

test.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) });
// Each test scans a dozen pages (axe takes a second or two per page and colour scheme).
test.describe.configure({ timeout: 120_000 });

async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    // The mailbox's emails run no script (sandboxed frames), so axe cannot enter them and would
    // wait for them: e2e/mailbox.spec.ts scans an email's HTML on its own page instead.
    .exclude("iframe[sandbox]")
    .analyze();
  const serious = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    label,
  ).toEqual([]);
}

/** A token of the right shape that matches nothing: the link pages show their "invalid" state. */
const UNKNOWN_TOKEN = "A".repeat(43);

/** Every page of the app the e2e suite visits, by who can see it. */
const SIGNED_OUT = [
  "/",
  "/pricing",
  "/pricing/pro",
  "/sign-in",
  "/sign-up",
  "/forgot-password",
  "/check-email",
  `/verify-email?token=${UNKNOWN_TOKEN}`,
  `/reset-password?token=${UNKNOWN_TOKEN}`,
  `/invite?token=${UNKNOWN_TOKEN}`,
  "/dev/mailbox",
  "/no-such-page",
];
const SIGNED_IN = [
  "/dashboard",
  "/settings",
  `/confirm-email-change?token=${UNKNOWN_TOKEN}`,
  "/w/new",
  `/w/${SEEDED.demo.slug}`,
  `/w/${SEEDED.demo.slug}/projects`,
  `/w/${SEEDED.demo.slug}/activity`,
  `/w/${SEEDED.demo.slug}/members`,
  `/w/${SEEDED.demo.slug}/billing`,
  `/w/${SEEDED.demo.slug}/settings`,
];
const STAFF = [
  "/admin",
  "/admin/users",
  "/admin/workspaces",
  "/admin/stripe-events",
  "/admin/jobs",
  "/admin/audit",
];

async function scan(page: Page, paths: string[], colorScheme: string) {
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expectNoSeriousViolations(page, `${path} (${colorScheme})`);
  }
}

for (const colorScheme of ["light", "dark"] as const) {
  // One test per audience, so each has its own time limit and a failure names its pages.
  test(`every signed-out page has no serious violations (${colorScheme})`, async ({
    page,
    expectConsoleErrors,
  }) => {
    expectConsoleErrors(failedLoad(404, /\/no-such-page$/, "the 404 page is scanned too"));
    await page.emulateMedia({ colorScheme });
    await scan(page, SIGNED_OUT, colorScheme);
  });

  test.describe(() => {
    test.use({ storageState: SESSIONS.demo });
    test(`every signed-in page has no serious violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await scan(page, SIGNED_IN, colorScheme);
    });
  });

  test.describe(() => {
    test.use({ storageState: SESSIONS.staff });
    test(`every admin page has no serious violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await scan(page, STAFF, colorScheme);
      // The detail pages, reached from their lists.
      for (const [list, detail] of [
        ["/admin/users", /\/admin\/users\/[^/?]+$/],
        ["/admin/workspaces", /\/admin\/workspaces\/[^/?]+$/],
      ] as const) {
        await page.goto(list);
        await page.locator(`main a[href^="${list}/"]`).first().click();
        await expect(page).toHaveURL(detail);
        await page.waitForLoadState("networkidle");
        await expectNoSeriousViolations(page, `${page.url()} (${colorScheme})`);
      }
    });
  });
}
