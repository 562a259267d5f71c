import sharp from "sharp";
import { clientIpHeader, newAccount, signUpAndVerify } from "./support/accounts";
import { expect, test } from "./support/test";

/**
 * Files from the browser: an avatar uploaded in account settings goes straight to storage, is
 * processed by the worker and shows in the shell's user menu; a text file named .png is refused
 * from its bytes. (Deleting a workspace's files: src/server/services/uploads.test.ts.)
 */

test.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) });

test("upload an avatar, see it in the shell after processing; a non-image is refused", async ({
  page,
}) => {
  await signUpAndVerify(page, newAccount("Pia Picture", "avatar"));
  await page.goto("/settings");
  await page.waitForLoadState("networkidle");
  const menu = page.getByRole("button", { name: /account menu/ }).first();
  await expect(menu.locator("img")).toHaveCount(0);

  const png = await sharp({
    create: { width: 400, height: 300, channels: 3, background: "#d946ef" },
  })
    .png()
    .toBuffer();
  const input = page.getByLabel("Upload a new avatar");
  await input.setInputFiles({ name: "me.png", mimeType: "image/png", buffer: png });
  await expect(page.getByTestId("avatar-done")).toBeVisible({ timeout: 30_000 });
  await expect(menu.locator("img")).toHaveAttribute("src", /\/api\/storage\/u\/.+\/64\.webp\?/);
  const src = (await menu.locator("img").getAttribute("src"))!;
  const served = await page.request.get(src);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/webp");
  // The same URL with another signature is refused.
  const forged = await page.request.get(src.replace(/signature=[^&]+/, "signature=forged"));
  expect(forged.status()).toBe(403);
  await expect(page.getByRole("button", { name: "Remove avatar" })).toBeVisible();

  await input.setInputFiles({
    name: "notes.png",
    mimeType: "image/png",
    buffer: Buffer.from("these are notes, not a picture"),
  });
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "The file is not a PNG, JPEG, WebP, GIF or AVIF image." }),
  ).toBeVisible();
  // The avatar in the shell is still the processed one.
  await expect(menu.locator("img")).toHaveAttribute("src", /64\.webp/);
});
