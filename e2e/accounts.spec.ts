import type { Page } from "@playwright/test";
import { expect, failedLoad, test } from "./support/test";
import {
  clientIpHeader,
  fillSignIn,
  linkFromMailbox,
  newAccount,
  otherDevice,
  signIn,
  signUpAndVerify,
} from "./support/accounts";
import { SEEDED, SESSIONS } from "./support/sessions";

/**
 * Account journeys: sign-up with email verification, sign-in/out, password reset, sessions.
 * Emails are read from the dev outbox at /dev/mailbox (the e2e server runs with MAIL_TRANSPORT=outbox).
 */

test.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) });

test("sign up, verify the email, sign out and sign in again", async ({ page }) => {
  const account = await signUpAndVerify(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText("You are signed out.")).toBeVisible();

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard$/);
  await fillSignIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: `Welcome, ${account.name}` })).toBeVisible();
});

test("a password reset signs out every session; only the new password works", async ({
  page,
  browser,
  expectConsoleErrors,
}) => {
  expectConsoleErrors(
    failedLoad(
      401,
      /\/api\/trpc\/session\.signIn\b/,
      "the old password is refused after the reset",
    ),
  );
  const account = await signUpAndVerify(page);
  const other = await otherDevice(browser);

  await other.goto("/forgot-password");
  await other.getByLabel("Email").fill(account.email);
  await other.getByRole("button", { name: "Send reset link" }).click();
  await expect(other).toHaveURL(/\/check-email\?for=reset$/);

  const resetPath = await linkFromMailbox(other, account.email, "/reset-password");
  await other.goto(resetPath);
  const newPassword = `${account.password}-new`;
  await other.getByLabel("New password").fill(newPassword);
  await other.getByRole("button", { name: "Set new password" }).click();
  await expect(other).toHaveURL(/\/sign-in$/);
  await expect(other.getByText("Password changed. Sign in with your new password.")).toBeVisible();

  // The session opened before the reset is gone, and the sign-in page says so.
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard&reason=expired$/);
  await expect(page.getByText("Your session expired, sign in to continue.")).toBeVisible();

  await fillSignIn(other, account.email, account.password);
  await expect(other.locator("form").getByRole("alert")).toHaveText("Incorrect email or password.");
  await expect(other).toHaveURL(/\/sign-in$/);

  await fillSignIn(other, account.email, newPassword);
  await expect(other).toHaveURL(/\/dashboard$/);
  await other.context().close();
});

test("a wrong password and an unknown email get the same answer", async ({
  page,
  browser,
  expectConsoleErrors,
}) => {
  expectConsoleErrors(
    failedLoad(401, /\/api\/trpc\/session\.signIn\b/, "both sign-ins are refused on purpose"),
  );
  const account = await signUpAndVerify(page);
  const visitor = await otherDevice(browser);
  await visitor.goto("/sign-in");

  await fillSignIn(visitor, account.email, "not-the-password");
  const alert = visitor.locator("form").getByRole("alert");
  await expect(alert).toHaveText("Incorrect email or password.");
  const wrongPassword = await alert.textContent();

  await fillSignIn(visitor, newAccount().email, account.password);
  await expect(alert).toHaveText("Incorrect email or password.");
  expect(await alert.textContent()).toBe(wrongPassword);
  await expect(visitor).toHaveURL(/\/sign-in$/);
  await visitor.context().close();
});

test("a signed-out visit to settings returns there after signing in", async ({ page, browser }) => {
  const account = await signUpAndVerify(page);
  const visitor = await otherDevice(browser);

  await visitor.goto("/settings");
  await expect(visitor).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
  await fillSignIn(visitor, account.email, account.password);
  await expect(visitor).toHaveURL(/\/settings$/);
  await expect(visitor.getByRole("heading", { level: 1, name: "Account settings" })).toBeVisible();
  await expect(visitor.getByTestId("profile-email")).toHaveText(account.email);
  await visitor.context().close();
});

test("settings lists both devices; revoking the other one signs it out", async ({
  page,
  browser,
  expectConsoleErrors,
}) => {
  expectConsoleErrors(
    failedLoad(401, /\/api\/trpc\/session\.revokeOthers\b/, "the revoked device's call is refused"),
  );
  const account = await signUpAndVerify(page);
  const other = await otherDevice(browser);
  await signIn(other, account.email, account.password);
  await other.goto("/settings");
  await expect(other.getByTestId("session-row")).toHaveCount(2);

  await page.goto("/settings");
  const rows = page.getByTestId("session-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "This device" })).toHaveCount(1);

  const revoke = page.getByRole("button", { name: /^Revoke/ });
  await expect(revoke).toHaveCount(1);
  await revoke.click();
  await expect(page.getByText("Session revoked")).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("This device");

  // The revoked device's next call answers UNAUTHORIZED: the client sends it to sign in.
  await other.getByRole("button", { name: "Sign out of all other devices" }).click();
  await expect(other).toHaveURL(/\/sign-in\?next=%2Fsettings&reason=expired$/);
  await expect(other.getByText("Your session expired, sign in to continue.")).toBeVisible();
  // That answer cleared the cookie: a later visit is an ordinary signed-out one, with no message.
  await other.goto("/dashboard");
  await expect(other).toHaveURL(/\/sign-in\?next=%2Fdashboard$/);
  await other.context().close();
});

test("settings: change the email through its link, change the password, delete the account", async ({
  page,
  expectConsoleErrors,
}) => {
  expectConsoleErrors(
    failedLoad(
      400,
      /\/api\/trpc\/account\.changePassword\b/,
      "a wrong current password is refused",
    ),
    failedLoad(
      401,
      /\/api\/trpc\/session\.signIn\b/,
      "the old password is refused after the change",
    ),
  );
  const account = await signUpAndVerify(page);
  await page.goto("/settings");

  const emailSection = page.getByRole("region", { name: "Change email" });
  const newEmail = newAccount().email;
  await emailSection.getByLabel("New email").fill(newEmail);
  await emailSection.getByLabel("Current password").fill(account.password);
  await emailSection.getByRole("button", { name: "Change email" }).click();
  await expect(emailSection.getByRole("status")).toContainText(newEmail);

  await page.goto(await linkFromMailbox(page, newEmail, "/confirm-email-change"));
  await expect(page.getByTestId("email-change-summary")).toContainText(
    `This will change the email of ${account.name} (${account.email}) to ${newEmail}.`,
  );
  await page.getByRole("button", { name: "Confirm new email" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByTestId("profile-email")).toHaveText(newEmail);

  const passwordSection = page.getByRole("region", { name: "Change password" });
  const newPassword = `${account.password}-2`;
  await passwordSection.getByLabel("Current password").fill("not-my-password");
  await passwordSection.getByLabel("New password").fill(newPassword);
  await passwordSection.getByRole("button", { name: "Change password" }).click();
  const currentPassword = passwordSection.getByLabel("Current password");
  await expect(currentPassword).toHaveAttribute("aria-invalid", "true");
  await expect(passwordSection.getByRole("alert")).toBeVisible();
  await currentPassword.fill(account.password);
  await passwordSection.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed.")).toBeVisible();

  const dangerSection = page.getByRole("region", { name: "Delete account" });
  await dangerSection.getByRole("button", { name: "Delete account…" }).click();
  await dangerSection.getByLabel("Password").fill(newPassword);
  await dangerSection.getByRole("button", { name: "Delete my account permanently" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText("Your account is deleted.")).toBeVisible();

  await page.goto("/sign-in");
  await fillSignIn(page, newEmail, newPassword);
  await expect(page.locator("form").getByRole("alert")).toHaveText("Incorrect email or password.");
});

test("an email-change link asks for the account that asked; another account cannot confirm it", async ({
  page,
  browser,
}) => {
  const account = await signUpAndVerify(page);
  await page.goto("/settings");
  const emailSection = page.getByRole("region", { name: "Change email" });
  const newEmail = newAccount().email;
  await emailSection.getByLabel("New email").fill(newEmail);
  await emailSection.getByLabel("Current password").fill(account.password);
  await emailSection.getByRole("button", { name: "Change email" }).click();
  await expect(emailSection.getByRole("status")).toContainText(newEmail);
  const link = await linkFromMailbox(page, newEmail, "/confirm-email-change");
  const confirm = (p: Page) => p.getByRole("button", { name: "Confirm new email" });

  // Whoever reads the new address, signed in to another account, is told and cannot confirm.
  const stranger = await otherDevice(browser);
  const strangerAccount = await signUpAndVerify(stranger, newAccount("Mallory Example", "other"));
  await stranger.goto(link);
  await expect(stranger.getByRole("main").getByRole("alert")).toContainText(
    `This link changes the email of another account, not the one you are signed in to (${strangerAccount.name}, ${strangerAccount.email}). Nothing was changed.`,
  );
  await expect(confirm(stranger)).toHaveCount(0);
  await stranger.context().close();

  // Signed out, the link asks to sign in, then shows which account changes before the click.
  const visitor = await otherDevice(browser);
  await visitor.goto(link);
  await expect(confirm(visitor)).toHaveCount(0);
  await visitor.getByRole("link", { name: "Sign in to confirm" }).click();
  await fillSignIn(visitor, account.email, account.password);
  await expect(visitor).toHaveURL(/\/confirm-email-change\?token=/);
  await expect(visitor.getByTestId("email-change-summary")).toContainText(
    `This will change the email of ${account.name} (${account.email}) to ${newEmail}.`,
  );
  await confirm(visitor).click();
  await expect(visitor).toHaveURL(/\/settings$/);
  await expect(visitor.getByTestId("profile-email")).toHaveText(newEmail);
  await visitor.context().close();
});

test("the email-change summary keeps each address whole on its line", async ({ browser }) => {
  const page = await otherDevice(browser, SESSIONS.demo);
  await page.goto("/settings");
  const emailSection = page.getByRole("region", { name: "Change email" });
  const newEmail = newAccount().email;
  await emailSection.getByLabel("New email").fill(newEmail);
  await emailSection.getByLabel("Current password").fill(SEEDED.demo.password);
  await emailSection.getByRole("button", { name: "Change email" }).click();
  await expect(emailSection.getByRole("status")).toContainText(newEmail);

  await page.goto(await linkFromMailbox(page, newEmail, "/confirm-email-change"));
  const current = page.getByTestId("email-change-summary").getByText(SEEDED.demo.email);
  await expect(current).toBeVisible();
  // One box per line an inline element spans: "demo@" / "example.com" would be two. Only an
  // address longer than the line may break inside (overflow-wrap), not one that fits the next.
  expect(await current.evaluate((element) => element.getClientRects().length)).toBe(1);
});
