import { expect, test } from "./support/test";
import { clientIpHeader } from "./support/accounts";
import { SEEDED, SESSIONS } from "./support/sessions";

/**
 * The app shell's menus, whose Radix code loads on first use (not in the pages' first load): the
 * user menu opens by pointer and by keyboard, as a menu, and sets the theme; the mobile drawer
 * opens, closes on navigation and on Escape, giving focus back; so does a modal.
 */

test.use({
  extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()),
  storageState: SESSIONS.demo,
});

test("the user menu opens on click and from the keyboard, and sets the theme", async ({ page }) => {
  await page.goto("/dashboard");
  const trigger = page.getByRole("button", { name: /account menu/ });
  await trigger.click();
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem", { name: "Account settings" })).toBeVisible();
  await menu.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(trigger).toBeFocused();

  await page.reload();
  const again = page.getByRole("button", { name: /account menu/ });
  await again.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  // Opened from the keyboard, the first item has focus: Enter follows it.
  await expect(page.getByRole("menuitem", { name: "Account settings" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/settings$/);
});

test("on a phone the menu is a drawer that closes on navigation", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Open menu" }).click();
  const drawer = page.getByRole("dialog", { name: "Menu" });
  await expect(drawer).toBeVisible();
  await drawer.getByRole("link", { name: "Account", exact: true }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(drawer).toBeHidden();
  await page.getByRole("button", { name: "Open menu" }).click();
  await expect(drawer).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(page.getByRole("button", { name: "Open menu" })).toBeFocused();
});

test("a modal gives focus back to the button that opened it", async ({ page }) => {
  await page.goto(`/w/${SEEDED.demo.slug}/projects`);
  const edit = page.getByRole("button", { name: /^Edit / }).first();
  await edit.click();
  await expect(page.getByRole("dialog", { name: /^Edit / })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(edit).toBeFocused();
});
