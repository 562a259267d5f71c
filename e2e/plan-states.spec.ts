import { expect, test } from "./support/test";
import { clientIpHeader } from "./support/accounts";
import { freeWorkspace, upgradeToPro } from "./support/stripe";

/**
 * What a workspace's plan state looks like to its members. A cancellation scheduled in the Stripe
 * portal: "Cancels on <date>" instead of a green "Active", a banner on every workspace page with
 * "Resume subscription", and an activity log that says where each change came from. A Free
 * workspace: limits and paid features shown before anyone clicks, a deletion warning that counts
 * what goes, and a date range that says why it cannot be applied.
 */

test.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) });

test("a cancellation from the portal shows its end date and a banner; Resume renews the plan", async ({
  page,
}) => {
  const slug = await freeWorkspace(page, "Rita Resumer");
  await upgradeToPro(page, slug, "4242 4242 4242 4242");
  await expect(page.getByTestId("current-plan")).toHaveText("Pro", { timeout: 20_000 });

  await page.getByRole("button", { name: "Manage billing" }).click();
  await page.getByRole("button", { name: "Cancel plan" }).click();
  await page.getByRole("link", { name: "Return to app" }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("cancel-banner")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId("subscription-status")).toContainText("Cancels on");
  await expect(page.getByTestId("subscription-status")).not.toContainText("Active");
  await expect(page.getByTestId("plan-cancels-badge")).toContainText("Cancels on");

  // The banner is on every workspace page, with the end date.
  await page.goto(`/w/${slug}/projects`);
  const banner = page.getByTestId("cancel-banner");
  await expect(banner).toContainText("Your Pro plan is set to cancel on");
  await banner.getByRole("button", { name: "Resume subscription" }).click();
  await expect(page.getByText("Your Pro plan will renew.")).toBeVisible();
  await expect(banner).toBeHidden();
  await expect(page.getByTestId("plan-cancels-badge")).toBeHidden();

  await page.goto(`/w/${slug}/billing`);
  await expect(page.getByTestId("subscription-status")).toHaveText("Active");
  await expect(page.getByTestId("renewal")).toContainText("Renews on");

  // The log says who did what, in words, and where changes without a member came from.
  await page.goto(`/w/${slug}/activity`);
  const log = page.getByTestId("activity-row");
  await expect(log.filter({ hasText: "Rita Resumer resumed the Pro subscription" })).toHaveCount(1);
  await expect(
    log.filter({ hasText: /Set the Pro subscription to cancel on .* via Stripe portal/ }),
  ).toHaveCount(1);
  await expect(
    log.filter({ hasText: "Changed the plan from Free to Pro via Stripe Checkout" }),
  ).toHaveCount(1);
  await expect(log.filter({ hasText: "System" })).toHaveCount(0);
});

test("a Free workspace sees its limits and paid features before clicking", async ({ page }) => {
  const slug = await freeWorkspace(page, "Fred Free");

  // The project limit is shown, and the form disabled, before anyone submits.
  await page.goto(`/w/${slug}/projects`);
  const form = page.getByRole("form", { name: "Create a project" });
  for (const name of ["Alpha", "Beta", "Gamma"]) {
    await form.getByLabel("Project name").fill(name);
    await form.getByRole("button", { name: "Create project" }).click();
    await expect(page.getByTestId("project-row").filter({ hasText: name })).toBeVisible();
  }
  await expect(page.getByTestId("project-usage")).toHaveText(
    "3 of 3 projects used on the Free plan",
  );
  await expect(form.getByRole("status")).toContainText("The Free plan allows 3 projects");
  await expect(form.getByRole("link", { name: "Upgrade plan" })).toBeVisible();
  await expect(form.getByRole("button", { name: "Create project" })).toBeDisabled();
  await expect(form.getByLabel("Project name")).toBeDisabled();
  // Each row shows its status once: writers see it in the status select.
  const alpha = page.getByTestId("project-row").filter({ hasText: "Alpha" });
  await expect(alpha.getByLabel("Status of Alpha")).toHaveValue("active");
  await expect(alpha.locator("span", { hasText: /^Active$/ })).toHaveCount(0);

  // CSV export is offered as a Pro feature, not as a button that fails.
  await page.goto(`/w/${slug}/settings`);
  await expect(page.getByTestId("plan-feature-notice")).toContainText(
    "CSV export is a Pro feature.",
  );
  await expect(page.getByRole("button", { name: "Export CSV" })).toHaveCount(0);
  await page.getByRole("link", { name: "Upgrade to Pro" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/billing$`));

  // Deleting the workspace names what goes with it.
  await page.goto(`/w/${slug}/settings`);
  await page.getByRole("button", { name: "Delete workspace…" }).click();
  await expect(page.getByTestId("delete-workspace-warning")).toContainText(
    "and with it 3 projects, the memberships of 1 member, and no pending invitations",
  );

  // A "To" before "From" stays in its field with the error; "From" is kept.
  await page.goto(`/w/${slug}/activity`);
  await page.waitForLoadState("networkidle"); // hydrated: the date fields' handlers are attached
  const filters = page.getByRole("search", { name: "Filter activity" });
  await filters.getByLabel("From", { exact: true }).fill("2026-03-10");
  await expect(page).toHaveURL(/from=2026-03-10/);
  await filters.getByLabel("To", { exact: true }).fill("2026-03-01");
  await expect(filters.getByText("To must be on or after From.")).toBeVisible();
  await expect(filters.getByLabel("From", { exact: true })).toHaveValue("2026-03-10");
  await expect(filters.getByLabel("To", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/from=2026-03-10/);
  await expect(page).not.toHaveURL(/to=/);
});
