import { expect, failedLoad, test } from "./support/test";
import Stripe from "stripe";
import { clientIpHeader, newAccount, otherDevice, signUpAndVerify } from "./support/accounts";
import { SESSIONS } from "./support/sessions";

/**
 * The admin console: invisible (404) to anyone but staff; staff replay a failed Stripe event.
 * The seed's staff account is `staff@example.com` (demo password); in production staff are
 * granted with `npm run admin:grant`.
 */

// Staff's browser state (e2e/sessions.setup.ts), except where a test says otherwise.
test.use({
  extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()),
  storageState: SESSIONS.staff,
});
/** The signing secret `npm start` gives the app with the local Stripe emulator. */
const WEBHOOK_SECRET = "whsec_local_emulator";

test.describe(() => {
  test.use({ storageState: { cookies: [], origins: [] } });
  test("a signed-out visitor and a signed-in non-admin get a 404 from /admin", async ({
    page,
    expectConsoleErrors,
  }) => {
    expectConsoleErrors(
      failedLoad(404, /\/admin(\/[\w-]+)?$/, "the console hides from non-staff"),
      failedLoad(404, /\/no-such-page$/, "any unknown URL, for its title"),
    );
    // The 404 is any unknown URL's, tab title included: nothing says "Admin".
    await page.goto("/no-such-page");
    const notFoundTitle = await page.title();
    expect(notFoundTitle).not.toMatch(/admin/i);
    for (const path of ["/admin", "/admin/users", "/admin/stripe-events"]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
      await expect(page, path).toHaveTitle(notFoundTitle);
    }
    await signUpAndVerify(page, newAccount("Nina Normal", "normal"));
    // No way in from the app either.
    await page.getByRole("button", { name: /account menu/ }).click();
    await expect(page.getByRole("menuitem", { name: "Account settings" })).toBeVisible();
    await expect(page.getByRole("menuitem", { name: "Admin console" })).toHaveCount(0);
    for (const path of ["/admin", "/admin/jobs", "/admin/audit"]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      await expect(page, path).toHaveTitle(notFoundTitle);
    }
  });
});

test("staff reach the console from the user menu; /admin opens its first list", async ({
  page,
}) => {
  await page.goto("/dashboard");
  await page.getByRole("button", { name: /account menu/ }).click();
  await page.getByRole("menuitem", { name: "Admin console" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expect(page).toHaveTitle("Users · Admin");
});

test("staff filter the audit log by a user found by email and a workspace found by slug", async ({
  page,
  browser,
}) => {
  // Someone with a workspace and a project: entries with them as actor, in their workspace.
  const member = await otherDevice(browser);
  const account = await signUpAndVerify(member, newAccount("Audrey Audit", "audit"));
  const href = await member.getByTestId("workspace-card").first().getAttribute("href");
  const slug = href!.split("/").pop()!;
  await member.goto(`/w/${slug}/projects`);
  await member.waitForLoadState("networkidle");
  const create = member.getByRole("form", { name: "Create a project" });
  await create.getByLabel("Project name").fill("Audited");
  await create.getByRole("button", { name: "Create project" }).click();
  await expect(member.getByTestId("project-row").filter({ hasText: "Audited" })).toBeVisible();
  await member.context().close();

  await page.goto("/admin/audit");
  await page.waitForLoadState("networkidle");
  const filters = page.getByRole("search", { name: "Filter the audit log" });
  const actor = filters.getByRole("combobox", { name: "Actor" });
  await actor.fill(account.email.slice(0, 20));
  await page.getByRole("option", { name: new RegExp(account.email) }).click();
  await expect(actor).toHaveValue(account.email);
  const workspace = filters.getByRole("combobox", { name: "Workspace" });
  await workspace.fill(slug.slice(0, 12));
  await page.getByRole("option", { name: new RegExp(slug) }).click();
  await expect(workspace).toHaveValue(slug);
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]actorId=[^&]+/);
  await expect(page).toHaveURL(/[?&]workspaceId=[^&]+/);

  const rows = page.getByTestId("audit-row");
  await expect(rows.filter({ hasText: "project.created" })).toHaveCount(1);
  for (const row of await rows.all()) await expect(row).toContainText(account.email);

  // A link with ids shows them as the email and the slug.
  await page.reload();
  await expect(actor).toHaveValue(account.email);
  await expect(workspace).toHaveValue(slug);
  await filters.getByRole("button", { name: "Clear" }).click();
  await expect(actor).toHaveValue("");
  await expect(page).not.toHaveURL(/actorId=/);
});

test("staff see a failed Stripe event in the inbox and replay it from the console", async ({
  page,
}) => {
  await page.goto("/admin/workspaces?q=acme");
  await page.getByRole("link", { name: "Acme Inc" }).click();
  await expect(page).toHaveURL(/\/admin\/workspaces\/[a-z0-9]+$/);
  const workspaceId = new URL(page.url()).pathname.split("/").pop()!;

  // A verified event whose handler fails: Stripe does not know its customer.
  const id = `evt_e2e_${Date.now()}`;
  const payload = JSON.stringify({
    id,
    object: "event",
    api_version: "2026-10-28.endive",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: "checkout.session.completed",
    data: {
      object: {
        id: `cs_e2e_${Date.now()}`,
        object: "checkout.session",
        mode: "subscription",
        customer: `cus_e2e_missing_${Date.now()}`,
        client_reference_id: workspaceId,
      },
    },
  });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
  const response = await page.request.post("/api/webhooks/stripe", {
    headers: { "content-type": "application/json", "stripe-signature": signature },
    data: payload,
  });
  expect(response.status()).toBe(500);

  await page.goto("/admin/stripe-events?status=failed");
  const row = page.getByTestId("stripe-event-row").filter({ hasText: id });
  await expect(row).toContainText("failed");
  await expect(row).toContainText("1 attempt");
  await expect(row).toContainText("No such customer");
  await row.getByRole("button", { name: `Replay ${id}` }).click();
  await expect(page.getByText(`${id} failed again`)).toBeVisible();
  await expect(row).toContainText("2 attempts");

  // The replay is in the audit log.
  await page.goto("/admin/audit");
  await expect(page.getByText("admin.stripe_event_replayed").first()).toBeVisible();
});

test("the admin lists hydrate without errors and fit a 390 px phone screen", async ({
  page,
  browser,
}) => {
  // A sign-up queues emails, so the jobs table has rows whatever ran before.
  const visitor = await otherDevice(browser);
  await signUpAndVerify(visitor, newAccount("Jo Jobs", "jobs"));
  await visitor.context().close();
  // Hydration errors and sideways scroll fail the test through the page guard (support/test.ts).
  await page.setViewportSize({ width: 390, height: 844 });
  const lists = [
    ["/admin/users", "Users", "admin-user-row"],
    ["/admin/workspaces", "Workspaces", "admin-workspace-row"],
    ["/admin/stripe-events", "Stripe events", null], // none may have arrived yet
    ["/admin/jobs", "Jobs", "job-row"],
    ["/admin/audit", "Audit log", "audit-row"],
  ] as const;
  for (const [path, title, rowTestId] of lists) {
    // The server's HTML holds the rows (not a skeleton the browser fills in).
    const html = await (await page.request.get(path)).text();
    if (rowTestId) expect(html, path).toContain(`data-testid="${rowTestId}"`);
    await page.goto(path, { waitUntil: "networkidle" });
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    if (path === "/admin/jobs") await expect(page.getByTestId("job-row").first()).toBeVisible();
    if (path === "/admin/users") {
      // The search button sits beside the input, bottoms aligned, not beside the hint under it.
      const search = page.getByRole("search", { name: "Search users" });
      const input = await search.getByRole("searchbox").boundingBox();
      const button = await search.getByRole("button", { name: "Search" }).boundingBox();
      expect(Math.abs(input!.y + input!.height - (button!.y + button!.height))).toBeLessThan(1);
    }
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${path} scrolls sideways`).toBeLessThanOrEqual(390);
  }
  // A job that succeeded says on which attempt (pg-boss's retry count alone read "0 / 3").
  await expect(async () => {
    await page.goto("/admin/jobs?state=completed");
    await expect(page.getByTestId("job-attempts").first()).toHaveText(
      /^\d+(st|nd|rd|th) attempt$/,
      {
        timeout: 1_000,
      },
    );
  }).toPass({ timeout: 15_000 });
  await page.goto("/admin/jobs");
  await expect(page.getByTestId("job-attempts").filter({ hasText: /\d+ \/ \d+/ })).toHaveCount(0);
});
