import type { Page } from "@playwright/test";
import { expect } from "./test";
import { newAccount, signUpAndVerify } from "./accounts";
import { STRIPE_EMULATOR_PORT } from "../../playwright.config";

/** The local Stripe emulator the e2e server talks to. */
export const emulatorUrl = `http://127.0.0.1:${STRIPE_EMULATOR_PORT}`;

/**
 * On the emulator's hosted Checkout page: pays with `card` (Stripe's test card numbers).
 * `emulator` is the emulator's origin (the e2e server's by default).
 */
export async function payOnCheckout(page: Page, card: string, emulator = emulatorUrl) {
  await expect(page).toHaveURL(new RegExp(`^${emulator}/checkout/`));
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByLabel("Name on card").fill("Ada Lovelace");
  await page.getByRole("button", { name: "Subscribe" }).click();
}

/** Moves the emulator's clock forward by `days`: renewals and scheduled cancellations happen. */
export async function advanceStripeClock(page: Page, days: number) {
  const res = await page.request.post(`${emulatorUrl}/_emulator/clock/advance`, { data: { days } });
  expect(res.ok()).toBe(true);
}

/** Signs up a new account and opens its personal (Free) workspace; returns the slug. */
export async function freeWorkspace(page: Page, name: string): Promise<string> {
  await signUpAndVerify(page, newAccount(name, "billing"));
  await page.getByTestId("workspace-card").click();
  await expect(page).toHaveURL(/\/w\/[a-z0-9-]+$/);
  return new URL(page.url()).pathname.split("/")[2]!;
}

/** From the billing page of a Free workspace, pays Checkout for Pro with `card`. */
export async function upgradeToPro(page: Page, slug: string, card: string) {
  await page.goto(`/w/${slug}/billing`);
  await expect(page.getByTestId("current-plan")).toHaveText("Free");
  await page.getByRole("button", { name: "Upgrade to Pro" }).click();
  await payOnCheckout(page, card);
}
