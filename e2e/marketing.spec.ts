import { expect, failedLoad, test } from "./support/test";
import { clientIpHeader, signUpAndVerify } from "./support/accounts";

/**
 * The marketing pages as a visitor and as a signed-in user meet them: the header's account links,
 * the pricing page's monthly/yearly switch and "Choose <plan>" buttons, a plan page's way on and
 * way back, and the 404 page (its title, and the dashboard link when signed in).
 */

test.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) });

test("a visitor: sign in and get started in the header; Choose leads to sign-up; the 404 is titled", async ({
  page,
  expectConsoleErrors,
}) => {
  expectConsoleErrors(
    failedLoad(
      404,
      /\/(no-such-page|pricing\/enterprise)$/,
      "the 404 pages are visited on purpose",
    ),
  );
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Get started" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveCount(0);

  await page.goto("/pricing/pro");
  await page.waitForLoadState("networkidle");
  // One link for every visitor (the page is shared): /choose-plan sends a visitor to sign-up.
  await page.getByRole("link", { name: "Choose Pro" }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await page.goBack();
  await page.getByRole("link", { name: "All plans" }).click();
  await expect(page).toHaveURL(/\/pricing$/);

  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle("Page not found · Starter");
  await expect(page.getByRole("link", { name: "Go to the dashboard" })).toHaveCount(0);
  // A page's own 404 (an unknown plan) is titled the same.
  expect((await page.goto("/pricing/enterprise"))?.status()).toBe(404);
  await expect(page).toHaveTitle("Page not found · Starter");
  await expect(page.getByRole("link", { name: "Back to the home page" })).toBeVisible();
});

test("pricing: one price at a time, monthly or yearly, from the catalogue; each limit stated once", async ({
  page,
}) => {
  await page.goto("/pricing");
  const pro = page.getByRole("article", { name: "Pro" });
  const monthly = page.getByRole("radio", { name: "Monthly" });
  const yearly = page.getByRole("radio", { name: "Yearly" });
  await expect(monthly).toHaveAttribute("aria-checked", "true");
  await expect(pro.getByTestId("price-month")).toContainText("$19 / month");
  await expect(pro.getByTestId("price-year")).toBeHidden();

  await yearly.click();
  await expect(yearly).toHaveAttribute("aria-checked", "true");
  await expect(pro.getByTestId("price-month")).toBeHidden();
  await expect(pro.getByTestId("price-year")).toContainText("$190 / year");
  await expect(pro.getByTestId("price-year")).toContainText("save 17%");
  const team = page.getByRole("article", { name: "Team" });
  await expect(team.getByTestId("price-year")).toContainText("$120 per seat / year");

  // Arrow keys move the choice, as in any radio group.
  await yearly.press("ArrowLeft");
  await expect(monthly).toBeFocused();
  await expect(monthly).toHaveAttribute("aria-checked", "true");
  await expect(pro.getByTestId("price-month")).toBeVisible();

  // One source for what a plan offers: each line once on a card and on the plan's page.
  const free = page.getByRole("article", { name: "Free" });
  for (const line of ["Up to 3 projects", "Up to 3 members", "Activity log for 7 days"]) {
    await expect(free.getByText(line, { exact: true })).toHaveCount(1);
  }
  await page.goto("/pricing/free");
  for (const line of ["Up to 3 projects", "Up to 3 members", "Activity log for 7 days"]) {
    await expect(page.getByText(line, { exact: true })).toHaveCount(1);
  }
});

test("a signed-in user: Dashboard in the header and on the 404; Choose leads to their billing page", async ({
  page,
  expectConsoleErrors,
}) => {
  expectConsoleErrors(failedLoad(404, /\/no-such-page$/, "the 404 page is visited on purpose"));
  await signUpAndVerify(page);
  // The personal workspace made at sign-up: the only one, so Choose opens its billing page.
  const slug = await page
    .locator('main a[href^="/w/"]:not([href="/w/new"])')
    .first()
    .getAttribute("href");
  expect(slug).toMatch(/^\/w\/[a-z0-9-]+$/);

  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Dashboard" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Get started" })).toHaveCount(0);

  await page.goto("/pricing");
  await page.getByRole("link", { name: "Choose Team" }).click();
  await expect(page).toHaveURL(new RegExp(`${slug}/billing$`));
  await page.goto("/pricing/team");
  await page.getByRole("link", { name: "Choose Team" }).click();
  await expect(page).toHaveURL(new RegExp(`${slug}/billing$`));

  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle("Page not found · Starter");
  await page.getByRole("link", { name: "Go to the dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});
