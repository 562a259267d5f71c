import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import {
  clientIpHeader,
  linkFromMailbox,
  newAccount,
  otherDevice,
  signUpAndVerify,
} from "./support/accounts";
import { SESSIONS } from "./support/sessions";

/**
 * Names at their maximum length, with no space to break at (src/schemas: a user's name 100, a
 * workspace's name 60 and slug 40, a project's name 80), shown on every page that names them, in
 * the app and in the admin console, on a 1280 px screen and a 390 px phone: no page scrolls
 * sideways (the page guard, e2e/support/test.ts, checks each page; this spec checks it by name
 * too), and a name cut short keeps the whole of it in its tooltip (`title`).
 */

test.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) });

const WIDTHS = [1280, 390] as const;

/** `length` characters with nowhere to wrap, starting with `tag` so each is recognisable. */
function unbroken(tag: string, length: number): string {
  return (tag + "W".repeat(length)).slice(0, length);
}

async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    clientWidth: document.scrollingElement!.clientWidth,
  }));
  expect.soft(scrollWidth, `${what} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

/** Opens each path at each width once its data is shown, and checks it fits. */
async function visitAll(page: Page, paths: string[]) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await expectNoSidewaysScroll(page, `${path} at ${width} px`);
    }
  }
}

test("maximum-length names wrap or truncate on every page, at 1280 and 390 px", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  // The longest name with no space, and an address with a 64-character local part.
  const account = newAccount(unbroken("Ada", 100), unbroken("longaddress", 40).toLowerCase());
  await signUpAndVerify(page, account);

  const workspaceName = unbroken("Workspace", 60);
  const slug = unbroken(`ws${Date.now().toString(36)}`, 40).toLowerCase();
  await page.goto("/w/new");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Name").fill(workspaceName);
  await page.getByLabel("URL slug (optional)").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}$`));

  const projectName = unbroken("Project", 80);
  await page.goto(`/w/${slug}/projects`);
  await page.waitForLoadState("networkidle");
  const create = page.getByRole("form", { name: "Create a project" });
  await create.getByLabel("Project name").fill(projectName);
  await create.getByLabel("Description (optional)").fill(unbroken("Description", 400));
  await create.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByTestId("project-row").filter({ hasText: projectName })).toBeVisible();

  const invitee = newAccount("Ivy", unbroken("invitee", 40).toLowerCase()).email;
  await page.goto(`/w/${slug}/members`);
  await page.waitForLoadState("networkidle");
  const invite = page.getByRole("form", { name: "Invite a member" });
  await invite.getByLabel("Email").fill(invitee);
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("region", { name: "Pending invitations" })).toContainText(invitee);

  // The invitation's page names the workspace, the inviter and the address.
  const invitation = await linkFromMailbox(page, invitee, "/invite");

  await visitAll(page, [
    invitation,
    "/dashboard",
    `/w/${slug}`,
    `/w/${slug}/projects`,
    `/w/${slug}/activity`,
    `/w/${slug}/members`,
    `/w/${slug}/billing`,
    `/w/${slug}/settings`,
    "/settings",
  ]);

  // The switcher cuts the name short (still 390 px wide) and keeps it whole in its tooltip.
  await page.goto(`/w/${slug}`);
  const switcher = page.getByRole("button", { name: /Switch workspace/ });
  await expect(switcher.locator(`[title="${workspaceName}"]`)).toBeVisible();
  await switcher.click();
  const listed = page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", {
    name: workspaceName,
  });
  await expect(listed.locator(`[title="${workspaceName}"]`)).toBeVisible();
  await expectNoSidewaysScroll(page, "the open switcher at 390 px");

  // The admin console names them too: lists, details, the audit log and jobs.
  const staff = await otherDevice(browser, SESSIONS.staff);
  await staff.goto(`/admin/users?q=${encodeURIComponent(account.email)}`);
  await staff.getByRole("link", { name: account.email }).click();
  await expect(staff).toHaveURL(/\/admin\/users\/[^/?]+$/);
  const userPath = new URL(staff.url()).pathname;
  await staff.goto(`/admin/workspaces?q=${slug}`);
  await staff.getByRole("link", { name: workspaceName }).click();
  await expect(staff).toHaveURL(/\/admin\/workspaces\/[^/?]+$/);
  const workspacePath = new URL(staff.url()).pathname;
  await visitAll(staff, [
    `/admin/users?q=${encodeURIComponent(account.email)}`,
    userPath,
    `/admin/workspaces?q=${slug}`,
    workspacePath,
    "/admin/audit",
    "/admin/jobs",
    "/admin/stripe-events",
  ]);
  await staff.context().close();
});
