import type { Page } from "@playwright/test";
import { expect, failedLoad, test } from "./support/test";
import { clientIpHeader } from "./support/accounts";
import { advanceStripeClock, freeWorkspace, upgradeToPro } from "./support/stripe";

/**
 * Paying, offline: the app's real Stripe code against the local Stripe emulator (hosted Checkout
 * and Customer Portal, signed webhooks, a clock). A Free workspace hits its project limit,
 * upgrades with the 4242 card and gets Pro's limits; a declined card leaves it on Free; a portal
 * cancellation shows "Cancels on …" and, once the clock passes the period, the workspace is Free.
 */

test.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) });

async function createProject(page: Page, name: string) {
  const form = page.getByRole("form", { name: "Create a project" });
  await form.getByLabel("Project name").fill(name);
  await form.getByRole("button", { name: "Create project" }).click();
}

test("a Free workspace at its project limit upgrades to Pro with 4242 and gets Pro's limits", async ({
  page,
  expectConsoleErrors,
}) => {
  expectConsoleErrors(
    failedLoad(402, /\/api\/trpc\/project\.create\b/, "a fourth project is over Free's limit"),
  );
  const slug = await freeWorkspace(page, "Paula Payer");
  await page.goto(`/w/${slug}/projects`);
  await expect(page.getByTestId("project-usage")).toContainText("0 of 3 projects");
  for (const name of ["Alpha", "Beta", "Gamma"]) {
    await createProject(page, name);
    await expect(page.getByTestId("project-row").filter({ hasText: name })).toBeVisible();
  }
  // At the limit the form says so before anyone submits.
  const prompt = page.getByTestId("upgrade-prompt");
  await expect(prompt).toContainText("The Free plan allows 3 projects");
  await expect(page.getByRole("button", { name: "Create project" })).toBeDisabled();
  await prompt.getByRole("link", { name: "Upgrade plan" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/billing$`));

  await upgradeToPro(page, slug, "4242 4242 4242 4242");
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/billing\\?checkout=success`));
  await expect(page.getByText("Payment confirmed. Thank you!")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("current-plan")).toHaveText("Pro");
  await expect(page.getByTestId("plan-badge")).toHaveText("Pro plan");
  await expect(page.getByTestId("renewal")).toContainText("Renews on");

  await page.goto(`/w/${slug}/projects`);
  await expect(page.getByTestId("project-usage")).toContainText("3 of 50 projects");
  await createProject(page, "Delta");
  await expect(page.getByTestId("project-row").filter({ hasText: "Delta" })).toBeVisible();
});

test("a declined card shows Stripe's error and the workspace stays on Free", async ({
  page,
  expectConsoleErrors,
}) => {
  expectConsoleErrors(
    failedLoad(
      402,
      /\/checkout\/cs_test_\w+$/,
      "the emulator's checkout answers a declined card 402",
    ),
  );
  const slug = await freeWorkspace(page, "Dan Declined");
  await upgradeToPro(page, slug, "4000 0000 0000 0002");
  await expect(page.getByRole("alert")).toContainText("Your card was declined.");
  await page.getByRole("link", { name: "Back" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/billing\\?checkout=canceled$`));
  await expect(page.getByText("Checkout canceled: nothing was charged.")).toBeVisible();
  await expect(page.getByTestId("current-plan")).toHaveText("Free");
});

test("cancelling in the portal shows the end date; past the period the workspace is Free", async ({
  page,
}) => {
  const slug = await freeWorkspace(page, "Carl Canceller");
  await upgradeToPro(page, slug, "4242 4242 4242 4242");
  await expect(page.getByTestId("current-plan")).toHaveText("Pro", { timeout: 20_000 });

  await page.getByRole("button", { name: "Manage billing" }).click();
  await page.getByRole("button", { name: "Cancel plan" }).click();
  await page.getByRole("link", { name: "Return to app" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/billing$`));
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("renewal")).toContainText("Cancels on", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  await advanceStripeClock(page, 32);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("current-plan")).toHaveText("Free", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Upgrade to Pro" })).toBeVisible();
});
