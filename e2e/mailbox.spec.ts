import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/test";
import { clientIpHeader, linkFromMailbox, newAccount } from "./support/accounts";

/**
 * Emails as a recipient sees them: rendered by the job worker with React Email (the brand's
 * layout, a button and the link spelled out), shown at /dev/mailbox in a sandboxed frame next to
 * their plain-text part; a user's name comes out as text, never as markup.
 */

test.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) });

test("the mailbox shows an email's HTML in an isolated frame next to its plain text", async ({
  page,
}) => {
  const account = { ...newAccount(), name: "<script>alert(1)</script> Ada" };
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/check-email$/);
  const link = await linkFromMailbox(page, account.email, "/verify-email");

  await page.waitForLoadState("networkidle");

  const email = page.locator(`article[data-to="${account.email}"]`).first();
  await expect(email.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();

  // The HTML part, in a sandbox with no scripts and an opaque origin.
  const frameElement = email.locator("iframe");
  await expect(frameElement).toHaveAttribute(
    "sandbox",
    "allow-popups allow-popups-to-escape-sandbox",
  );
  const frame = email.frameLocator("iframe");
  await expect(frame.getByText("Starter", { exact: true })).toBeVisible();
  const button = frame.getByRole("link", { name: "Confirm my email" });
  await expect(button).toBeVisible();
  expect(
    new URL((await button.getAttribute("href"))!).pathname +
      new URL((await button.getAttribute("href"))!).search,
  ).toBe(link);
  await expect(frame.getByText(`Account name: “${account.name}”`)).toBeVisible();
  expect(await frame.locator("script").count()).toBe(0);

  // The plain-text part beside it, with the same link.
  const text = email.getByRole("region", { name: "Plain text" });
  await expect(text).toContainText(`Account name: “${account.name}”`);
  await expect(text.getByRole("link", { name: /\/verify-email\?token=/ })).toBeVisible();

  // The email itself, as a page of its own (axe cannot enter the sandbox): no serious
  // accessibility violation (WCAG 2.1 A/AA), in the reader's light or dark mode alike.
  const html = await email.locator("iframe").getAttribute("srcdoc");
  await page.setContent(html!);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations.filter((v) => ["serious", "critical"].includes(v.impact!));
  expect(serious.map((v) => v.id)).toEqual([]);
});
