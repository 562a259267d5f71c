import type { Browser, Page } from "@playwright/test";
import { expect } from "./test";

/**
 * Shared steps of the browser journeys: fresh accounts, the dev outbox, sign-up and sign-in.
 * Emails are read from /dev/mailbox (the e2e server runs with MAIL_TRANSPORT=outbox).
 */

export type Account = { name: string; email: string; password: string };

/**
 * A client IP of its own for each browser context: X-Forwarded-For as a reverse proxy would write
 * it. The e2e servers run with TRUSTED_PROXIES=1, which takes the header's last entry as the client
 * (src/server/http/client-address.ts), so the per-IP rate limits (sign-up: 10 an hour) count each
 * test apart and reruns against a running server do not answer 429. A server reached directly
 * (TRUSTED_PROXIES=0, the default) ignores the header: e2e/scale-out.spec.ts checks that.
 * Use in each spec: `test.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) })`.
 */
export function clientIpHeader(): Record<string, string> {
  const byte = () => Math.floor(Math.random() * 254) + 1;
  return { "x-forwarded-for": `10.${byte()}.${byte()}.${byte()}` };
}

/** A unique account; `prefix` starts the address so a failing test's mailbox is easy to read. */
export function newAccount(name = "Ada Lovelace", prefix = "user"): Account {
  const id = `${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
  return { name, email: `${prefix}-${id}@example.com`, password: `pw-${id}-long` };
}

/**
 * The path and query of the newest link in `to`'s mailbox whose URL contains `pathPart`; polls
 * /dev/mailbox until it arrives. Only the path is kept: the mail's origin may be the app's public
 * URL rather than the test server.
 */
export async function linkFromMailbox(page: Page, to: string, pathPart: string): Promise<string> {
  const link = page.locator(`article[data-to="${to}"] a[href*="${pathPart}"]`).first();
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const href = await link.getAttribute("href");
  expect(href).toBeTruthy();
  const url = new URL(href!, page.url());
  return url.pathname + url.search;
}

/**
 * Fills the sign-up form (the page is on /sign-up), checks "Check your inbox" names the address,
 * and confirms the emailed link in the same browser, which asks for no password (the sign-up
 * cookie binds the link to it). Returns the link's path.
 */
export async function signUpAndConfirm(page: Page, account: Account): Promise<string> {
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/check-email$/);
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await expect(page.getByTestId("check-email-address")).toHaveText(account.email);

  const link = await linkFromMailbox(page, account.email, "/verify-email");
  await page.goto(link);
  await expect(page.getByText("You signed up in this browser")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  return link;
}

/** Fills the sign-up form (the page is on /sign-up) and confirms the emailed link: ends on /dashboard. */
export async function completeSignUp(page: Page, account: Account): Promise<void> {
  await signUpAndConfirm(page, account);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: `Welcome, ${account.name}` })).toBeVisible();
}

/** Signs up through the form and confirms the emailed link: `page` ends signed in on /dashboard. */
export async function signUpAndVerify(page: Page, account = newAccount()): Promise<Account> {
  await page.goto("/sign-up");
  await completeSignUp(page, account);
  return account;
}

/**
 * A page in a fresh browser context (its own cookies and client IP): another device or person.
 * `storageState`: a saved browser state to start from, e.g. a seeded account's
 * (e2e/support/sessions.ts); signed out by default.
 */
export async function otherDevice(browser: Browser, storageState?: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: clientIpHeader(), storageState });
  return context.newPage();
}

/** Fills and submits the sign-in form of the current page. */
export async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs in through the form; `page` ends on /dashboard. `origin` is the app's (default: the e2e
 * server's, the baseURL).
 */
export async function signIn(
  page: Page,
  email: string,
  password: string,
  origin = "",
): Promise<void> {
  await page.goto(`${origin}/sign-in`);
  await fillSignIn(page, email, password);
  await expect(page).toHaveURL(/\/dashboard$/);
}
