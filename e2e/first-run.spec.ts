import type { Page } from "@playwright/test";
import { expect, failedLoad, test } from "./support/test";
import {
  clientIpHeader,
  linkFromMailbox,
  newAccount,
  otherDevice,
  signIn,
  signUpAndConfirm,
  signUpAndVerify,
} from "./support/accounts";

/**
 * A new user's first run: sign-up and its link (same browser, another browser, used twice), the
 * overview's checklist and the shell's names, changing one's name, an invitation declined from a
 * sign-up, and a session that expires mid-typing.
 */

test.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) });

/** From /dashboard, opens the user's only workspace; returns its slug and name. */
async function openOnlyWorkspace(page: Page): Promise<{ slug: string; name: string }> {
  const card = page.getByTestId("workspace-card");
  await expect(card).toHaveCount(1);
  await card.click();
  await expect(page).toHaveURL(/\/w\/[a-z0-9-]+$/);
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  const name = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
  return { slug, name };
}

test("a used confirmation link says so; another browser must give the password", async ({
  page,
  browser,
}) => {
  const account = newAccount("Una Used", "used");
  await page.goto("/sign-up");
  const link = await signUpAndConfirm(page, account);
  await expect(page).toHaveURL(/\/dashboard$/);

  // Opened again, the link shows no form: the address is confirmed.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Email already confirmed" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm my email" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Go to your dashboard" })).toBeVisible();
  const signedOut = await otherDevice(browser);
  await signedOut.goto(link);
  await expect(signedOut.getByRole("link", { name: "Sign in to continue" })).toHaveAttribute(
    "href",
    "/sign-in",
  );
  await signedOut.context().close();

  // A sign-up's link opened in another browser asks for that sign-up's password.
  const second = newAccount("Otto Other", "other");
  const signUpPage = await otherDevice(browser);
  await signUpPage.goto("/sign-up");
  await signUpPage.getByLabel("Name").fill(second.name);
  await signUpPage.getByLabel("Email").fill(second.email);
  await signUpPage.getByLabel("Password").fill(second.password);
  await signUpPage.getByRole("button", { name: "Create account" }).click();
  await expect(signUpPage.getByTestId("check-email-address")).toHaveText(second.email);
  const elsewhere = await otherDevice(browser);
  await elsewhere.goto(await linkFromMailbox(elsewhere, second.email, "/verify-email"));
  await elsewhere.getByRole("button", { name: "Confirm my email" }).click();
  await expect(elsewhere.getByText("Password is required.")).toBeVisible();
  await elsewhere.getByLabel("Password").fill(second.password);
  await elsewhere.getByRole("button", { name: "Confirm my email" }).click();
  await expect(elsewhere).toHaveURL(/\/dashboard$/);
  await signUpPage.context().close();
  await elsewhere.context().close();
});

test("the overview's first-run checklist ticks from real data and stays dismissed", async ({
  page,
}) => {
  await signUpAndVerify(page, newAccount("Fia First", "first"));
  // The two settings pages have distinct names.
  const app = page.getByRole("navigation", { name: "App" });
  await expect(app.getByRole("link", { name: "Account", exact: true })).toHaveAttribute(
    "href",
    "/settings",
  );
  const { slug, name } = await openOnlyWorkspace(page);
  await expect(page.getByTestId("workspace-switcher").getByRole("button")).toContainText(name);
  const workspaceNav = page.getByRole("navigation", { name: "Workspace" });
  await expect(workspaceNav.getByRole("link", { name: "Workspace settings" })).toHaveAttribute(
    "href",
    `/w/${slug}/settings`,
  );
  await expect(page.getByRole("link", { name: "Settings", exact: true })).toHaveCount(0);

  const checklist = page.getByRole("region", { name: "Get started" });
  await expect(checklist).toBeVisible();
  await expect(page.getByTestId("checklist-progress")).toHaveText("0 of 3 done");
  await checklist.getByRole("link", { name: "Create a project" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/projects$`));
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Project name").fill("Apollo");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByText("Created Apollo.")).toBeVisible();

  await workspaceNav.getByRole("link", { name: "Overview" }).click();
  await expect(page.getByTestId("checklist-progress")).toHaveText("1 of 3 done");
  await expect(page.getByTestId("checklist-createProject")).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("checklist-inviteTeammate")).toHaveAttribute("data-done", "false");

  await checklist.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByText("Checklist dismissed.")).toBeVisible();
  await expect(checklist).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("overview-project-count")).toHaveText("1");
  await expect(checklist).toHaveCount(0);
});

test("the user changes their name in settings", async ({ page }) => {
  const account = await signUpAndVerify(page, newAccount("Nina Name", "name"));
  await page.goto("/settings");
  await page.waitForLoadState("networkidle");
  const profile = page.getByRole("form", { name: "Profile" });
  await expect(profile.getByLabel("Name")).toHaveValue(account.name);
  await profile.getByLabel("Name").fill("   ");
  await profile.getByRole("button", { name: "Save name" }).click();
  await expect(profile.getByText("Name is required.")).toBeVisible();

  await profile.getByLabel("Name").fill("Nina Renamed");
  await profile.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Your name is saved.")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Welcome, Nina Renamed" })).toBeVisible();
});

test("signing up from an invitation, the invitee declines it and has no workspace", async ({
  page: owner,
  browser,
}) => {
  await signUpAndVerify(owner, newAccount("Owen Owner", "owner"));
  const { slug, name } = await openOnlyWorkspace(owner);
  const invitee = newAccount("Dee Decliner", "decliner");
  await owner.goto(`/w/${slug}/members`);
  const inviteForm = owner.getByRole("form", { name: "Invite a member" });
  await inviteForm.getByLabel("Email").fill(invitee.email);
  await inviteForm.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByText(`Invitation sent to ${invitee.email}.`)).toBeVisible();

  const other = await otherDevice(browser);
  await other.goto(await linkFromMailbox(other, invitee.email, "/invite?token="));
  await other.getByRole("link", { name: "Create an account" }).click();
  await expect(other.getByLabel("Email")).toHaveValue(invitee.email);
  await signUpAndConfirm(other, invitee);
  await expect(other).toHaveURL(/\/invite\?token=/);
  await other.getByRole("button", { name: "Decline" }).click();
  await expect(other).toHaveURL(/\/dashboard$/);
  await expect(other.getByText(`You declined the invitation to ${name}.`)).toBeVisible();
  await expect(other.getByTestId("workspace-card")).toHaveCount(0);
  await expect(other.getByTestId("my-invitation")).toHaveCount(0);

  // The owner sees it in the activity log, and the invitation is gone.
  await owner.goto(`/w/${slug}/activity`);
  await expect(owner.getByText(`declined the invitation to ${invitee.email}`)).toBeVisible();
  await owner.goto(`/w/${slug}/members`);
  await expect(owner.getByTestId("invitation-row")).toHaveCount(0);
  await other.context().close();
});

test("a session that ends mid-typing: sign-in says why, comes back, and the draft is kept", async ({
  page,
  browser,
  expectConsoleErrors,
}) => {
  expectConsoleErrors(
    failedLoad(401, /\/api\/trpc\/project\.create\b/, "the create is sent after the session ended"),
  );
  const account = await signUpAndVerify(page, newAccount("Sid Session", "session"));
  const { slug } = await openOnlyWorkspace(page);
  await page.goto(`/w/${slug}/projects`);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Project name").fill("Half-typed project");
  await page.getByLabel("Description (optional)").fill("Not lost");

  // Another device signs every other session out: this one's cookie no longer opens a session.
  const other = await otherDevice(browser);
  await signIn(other, account.email, account.password);
  await other.goto("/settings");
  await other.getByRole("button", { name: "Revoke" }).click();
  await expect(other.getByText("Session revoked")).toBeVisible();

  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(
    new RegExp(`/sign-in\\?next=%2Fw%2F${slug}%2Fprojects&reason=expired$`),
  );
  await expect(page.getByText("Your session expired, sign in to continue.")).toBeVisible();
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/projects$`));
  await expect(page.getByLabel("Project name")).toHaveValue("Half-typed project");
  await expect(page.getByLabel("Description (optional)")).toHaveValue("Not lost");
  await other.context().close();

  // An unsafe `next` goes to the dashboard instead.
  await page.goto("/sign-in?next=//evil.example/x");
  await expect(page).toHaveURL(/\/dashboard$/);
});
