import type { Page } from "@playwright/test";
import { expect, failedLoad, test } from "./support/test";
import {
  clientIpHeader,
  signUpAndConfirm,
  linkFromMailbox,
  newAccount,
  otherDevice,
  signUpAndVerify,
} from "./support/accounts";

/**
 * Workspace journeys: the personal workspace, invitations by email (accepted after signing up),
 * roles deciding what each member sees, the 404 for non-members, and the owner's settings.
 * Emails are read from the dev outbox at /dev/mailbox (the e2e server runs with MAIL_TRANSPORT=outbox).
 */

test.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) });

/** From /dashboard, opens the user's only workspace (the personal one); returns its slug and name. */
async function openPersonalWorkspace(page: Page): Promise<{ slug: string; name: string }> {
  const card = page.getByTestId("workspace-card");
  await expect(card).toHaveCount(1);
  await card.click();
  await expect(page).toHaveURL(/\/w\/[a-z0-9-]+$/);
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  const name = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
  expect(name).not.toBe("");
  return { slug, name };
}

function workspaceTab(page: Page, name: "Overview" | "Members" | "Workspace settings") {
  return page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name });
}

/** Opens the header's workspace switcher and expects `name` listed, marked current when asked. */
async function expectInSwitcher(page: Page, name: string, current: boolean) {
  await page.getByRole("button", { name: /Switch workspace/ }).click();
  const link = page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name });
  await expect(link).toBeVisible();
  if (current) await expect(link).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("Escape");
  await expect(link).toBeHidden();
}

test("an owner invites a colleague who signs up and joins; a role change changes what they may do", async ({
  page: owner,
  browser,
}) => {
  await signUpAndVerify(owner, newAccount("Olivia Owner", "owner"));
  const workspace = await openPersonalWorkspace(owner);
  await expect(owner.getByTestId("overview-member-count")).toHaveText("1");

  // The owner invites a colleague as a member.
  const colleague = newAccount("Colin Colleague", "colleague");
  await workspaceTab(owner, "Members").click();
  await expect(owner).toHaveURL(new RegExp(`/w/${workspace.slug}/members$`));
  const inviteForm = owner.getByRole("form", { name: "Invite a member" });
  await inviteForm.getByLabel("Email").fill(colleague.email);
  await inviteForm.getByLabel("Role").selectOption("member");
  await inviteForm.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByText(`Invitation sent to ${colleague.email}.`)).toBeVisible();
  await expect(
    owner.getByTestId("invitation-row").filter({ hasText: colleague.email }),
  ).toBeVisible();

  // The colleague opens the emailed link signed out, creates an account and accepts.
  const other = await otherDevice(browser);
  await other.goto(await linkFromMailbox(other, colleague.email, "/invite?token="));
  await expect(other.getByRole("heading", { name: `Join ${workspace.name}` })).toBeVisible();
  await expect(other.getByTestId("invite-email")).toHaveText(colleague.email);
  await expect(other.getByRole("link", { name: "Sign in to accept" })).toHaveAttribute(
    "href",
    /^\/sign-in\?next=%2Finvite%3Ftoken%3D[A-Za-z0-9_-]{43}$/,
  );
  await other.getByRole("link", { name: "Create an account" }).click();
  await expect(other).toHaveURL(/\/sign-up\?invitation=[A-Za-z0-9_-]{43}$/);
  await expect(other.getByRole("heading", { name: `Join ${workspace.name}` })).toBeVisible();
  await expect(other.getByLabel("Email")).toHaveValue(colleague.email);
  await signUpAndConfirm(other, colleague);

  // Once confirmed, the colleague is back on the invitation, with no personal workspace made.
  await expect(other).toHaveURL(/\/invite\?token=[A-Za-z0-9_-]{43}$/);
  await expect(other.getByRole("button", { name: "Decline" })).toBeVisible();
  await other.getByRole("button", { name: "Accept invitation" }).click();
  await expect(other).toHaveURL(new RegExp(`/w/${workspace.slug}$`));
  await expect(other.getByRole("heading", { level: 1, name: workspace.name })).toBeVisible();
  await expect(other.getByTestId("overview-role")).toHaveText("Member");
  await expect(other.getByTestId("overview-member-count")).toHaveText("2");

  // Both find the workspace in their switcher.
  await expectInSwitcher(other, workspace.name, true);
  await owner.goto(`/w/${workspace.slug}`);
  await expectInSwitcher(owner, workspace.name, true);

  // As a member, the colleague sees the members read-only.
  await workspaceTab(other, "Members").click();
  await expect(other).toHaveURL(new RegExp(`/w/${workspace.slug}/members$`));
  const rows = other.getByTestId("member-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: colleague.email })).toContainText("You");
  await expect(other.getByRole("form", { name: "Invite a member" })).toHaveCount(0);
  await expect(other.getByRole("region", { name: "Pending invitations" })).toHaveCount(0);
  await expect(other.getByRole("combobox")).toHaveCount(0);
  await expect(other.getByRole("button", { name: /^Remove/ })).toHaveCount(0);

  // The owner makes the colleague an admin.
  await owner.goto(`/w/${workspace.slug}/members`);
  await expect(owner.getByTestId("invitation-row")).toHaveCount(0);
  await expect(owner.getByLabel(`Role of ${colleague.name}`)).toHaveValue("member");
  await owner.getByLabel(`Role of ${colleague.name}`).selectOption("admin");
  await expect(owner.getByText(`${colleague.name} is now admin.`)).toBeVisible();
  await owner.reload();
  await expect(owner.getByLabel(`Role of ${colleague.name}`)).toHaveValue("admin");

  // After a reload, the colleague may invite.
  await other.reload();
  await expect(other.getByRole("form", { name: "Invite a member" })).toBeVisible();
  await expect(other.getByRole("region", { name: "Pending invitations" })).toBeVisible();
  await expect(rows.filter({ hasText: colleague.email })).toContainText("Admin");
  await other.context().close();
});

test("a non-member gets a 404 saying they have no access, like an unknown slug", async ({
  page,
  browser,
  expectConsoleErrors,
}) => {
  expectConsoleErrors(
    failedLoad(404, /\/w\/(ada-owner[\w-]*|no-such-workspace-\d+)(\/\w+)?$/, "not the stranger's"),
  );
  await signUpAndVerify(page, newAccount("Ada Owner", "owner"));
  const { slug } = await openPersonalWorkspace(page);

  const stranger = await otherDevice(browser);
  await signUpAndVerify(stranger, newAccount("Sam Stranger", "stranger"));
  const noAccess = stranger.getByRole("heading", {
    name: "You don't have access to this workspace",
  });
  const pageText = () => stranger.locator("main").innerText();
  for (const path of [`/w/${slug}`, `/w/${slug}/members`, `/w/${slug}/settings`]) {
    const response = await stranger.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(noAccess).toBeVisible();
    // None of that workspace's sidebar, and the way out is the dashboard.
    await expect(stranger.getByRole("navigation", { name: "Workspace" })).toHaveCount(0);
    await expect(stranger.getByRole("link", { name: "Go to your dashboard" })).toHaveAttribute(
      "href",
      "/dashboard",
    );
  }
  const forMember = await pageText();
  // An unknown slug looks the same.
  const response = await stranger.goto(`/w/no-such-workspace-${Date.now()}`);
  expect(response?.status()).toBe(404);
  await expect(noAccess).toBeVisible();
  expect(await pageText()).toBe(forMember);
  await stranger.getByRole("link", { name: "Go to your dashboard" }).click();
  await expect(stranger).toHaveURL(/\/dashboard$/);
  await stranger.context().close();
});

test("create a workspace, rename it, then delete it by typing its slug", async ({
  page,
  expectConsoleErrors,
}) => {
  expectConsoleErrors(
    failedLoad(409, /\/api\/trpc\/workspace\.create\b/, "the same slug twice is refused"),
    failedLoad(404, /\/w\/team-\w+$/, "the deleted workspace is gone"),
  );
  await signUpAndVerify(page, newAccount("Nora Founder", "founder"));
  const slug = `team-${Date.now().toString(36)}`;

  await page.getByRole("link", { name: "Create workspace" }).first().click();
  await expect(page).toHaveURL(/\/w\/new$/);
  await page.getByLabel("Name").fill("Rocket Team");
  await page.getByLabel("URL slug (optional)").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Rocket Team" })).toBeVisible();
  await expect(page.getByTestId("overview-role")).toHaveText("Owner");

  // The same slug again is taken: the error lands on the field.
  await page.goto("/w/new");
  await page.getByLabel("Name").fill("Another Team");
  await page.getByLabel("URL slug (optional)").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByLabel("URL slug (optional)")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/w\/new$/);

  await page.goto(`/w/${slug}/settings`);
  // Typed before hydration, the value would be outside react-hook-form's state.
  await page.waitForLoadState("networkidle");
  const rename = page.getByRole("form", { name: "Rename workspace" });
  await rename.getByLabel("Workspace name").fill("Rocket Crew");
  await rename.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Renamed to Rocket Crew.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Rocket Crew" })).toBeVisible();
  // The owner cannot leave.
  await expect(page.getByRole("button", { name: "Leave workspace…" })).toHaveCount(0);

  const danger = page.getByRole("region", { name: "Delete workspace" });
  await danger.getByRole("button", { name: "Delete workspace…" }).click();
  await danger.getByLabel("Workspace slug").fill("wrong-slug");
  await danger.getByRole("button", { name: "Delete this workspace" }).click();
  await expect(danger.getByLabel("Workspace slug")).toHaveAttribute("aria-invalid", "true");
  await danger.getByLabel("Workspace slug").fill(slug);
  await danger.getByRole("button", { name: "Delete this workspace" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText("Rocket Crew is deleted.")).toBeVisible();
  await expect(page.getByTestId("workspace-card").filter({ hasText: "Rocket Crew" })).toHaveCount(
    0,
  );
  // Back shows no cached copy of the deleted workspace's settings.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/settings$`));
  await expect(
    page.getByRole("heading", { name: "You don't have access to this workspace" }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Delete workspace" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Workspace" })).toHaveCount(0);
  expect((await page.goto(`/w/${slug}`))?.status()).toBe(404);
});

test("a removed member's next click explains they lost access, and the switcher forgets it", async ({
  page: owner,
  browser,
}) => {
  test.setTimeout(90_000); // Two sign-ups and an invitation.
  await signUpAndVerify(owner, newAccount("Rita Remover", "remover"));
  const workspace = await openPersonalWorkspace(owner);
  const member = newAccount("Max Member", "removed");
  await owner.goto(`/w/${workspace.slug}/members`);
  const inviteForm = owner.getByRole("form", { name: "Invite a member" });
  await inviteForm.getByLabel("Email").fill(member.email);
  await inviteForm.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByText(`Invitation sent to ${member.email}.`)).toBeVisible();

  const other = await otherDevice(browser);
  await other.goto(await linkFromMailbox(other, member.email, "/invite?token="));
  await other.getByRole("link", { name: "Create an account" }).click();
  await signUpAndConfirm(other, member);
  await other.getByRole("button", { name: "Accept invitation" }).click();
  await expect(other).toHaveURL(new RegExp(`/w/${workspace.slug}$`));
  await workspaceTab(other, "Members").click();
  await expect(other).toHaveURL(new RegExp(`/w/${workspace.slug}/members$`));

  // The owner removes the member while their page is open.
  await owner.reload();
  await owner.getByRole("button", { name: `Remove ${member.name}` }).click();
  await owner.getByRole("button", { name: "Remove member" }).click();
  await expect(owner.getByTestId("member-row")).toHaveCount(1);

  await workspaceTab(other, "Overview").click();
  await expect(
    other.getByRole("heading", { name: "You don't have access to this workspace" }),
  ).toBeVisible();
  await expect(other.getByRole("navigation", { name: "Workspace" })).toHaveCount(0);
  await other.getByRole("button", { name: /Switch workspace/ }).click();
  await expect(
    other.getByRole("navigation", { name: "Workspaces" }).getByText("No workspaces yet."),
  ).toBeVisible();
  await other.context().close();
});
