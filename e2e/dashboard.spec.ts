import type { Page } from "@playwright/test";
import { expect, failedLoad, test } from "./support/test";
import { clientIpHeader } from "./support/accounts";
import { SEEDED, SESSIONS } from "./support/sessions";

/**
 * The dashboard on the seeded demo workspace (`npm run db:seed`: "Acme Inc", 40 projects, 90 days
 * of activity, on the Free plan): the overview's chart, and the projects list's pagination,
 * filters, sort and search (kept in the URL), edit, archive, delete, and the Free plan's limit.
 */

test.use({
  extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()),
  storageState: SESSIONS.demo,
});

const DEMO = SEEDED.demo;

const rows = (page: Page) => page.getByTestId("project-row");
const rowNames = async (page: Page) =>
  (await rows(page).locator("p.font-medium").allTextContents()).map((name) => name.trim());

test("the overview shows the demo workspace's KPIs, activity chart and recent activity", async ({
  page,
}) => {
  await page.goto(`/w/${DEMO.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: "Acme Inc" })).toBeVisible();
  await expect(page.getByTestId("overview-project-count")).toHaveText("40");
  await expect(page.getByTestId("overview-member-count")).toHaveText("4");
  await expect(page.getByTestId("overview-plan")).toContainText("Free");
  const chart = page.getByTestId("activity-chart");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  // Free keeps 7 days of activity: the chart shows those, as the activity log does.
  expect(await chart.locator(".recharts-bar-rectangle").count()).toBeLessThanOrEqual(7);
  await expect(page.getByRole("heading", { name: "Activity, last 7 days" })).toBeVisible();
  await expect(chart.locator("figcaption")).toContainText(/\d+ events? in the last 7 days/);
  // 40 projects on Free (limit 3): the overage is stated, never "40 / 3" alone.
  await expect(page.getByText(/\d+ over limit/).first()).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Recent activity" }).getByRole("listitem"),
  ).toHaveCount(6);
});

test("projects: paginate, sort, filter and search in the URL; edit, archive, delete; the Free limit", async ({
  page,
  expectConsoleErrors,
}) => {
  expectConsoleErrors(
    failedLoad(402, /\/api\/trpc\/project\.create\b/, "the demo workspace is past Free's limit"),
  );
  await page.goto(`/w/${DEMO.slug}/projects`);

  // 36 open projects (4 archived are hidden), 20 a page.
  await expect(rows(page)).toHaveCount(20);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(rows(page)).toHaveCount(36);
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);

  // Sorting by name: A–Z's first is Z–A's last, and the view is in the URL.
  await page.getByLabel("Sort").selectOption("name-asc");
  await expect(page).toHaveURL(/sort=name-asc/);
  await expect(rows(page)).toHaveCount(20);
  const firstAz = (await rowNames(page))[0]!;
  await page.getByLabel("Sort").selectOption("name-desc");
  await expect(page).toHaveURL(/sort=name-desc/);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(rows(page)).toHaveCount(36);
  expect((await rowNames(page)).at(-1)).toBe(firstAz);

  // The archive, reproduced by its link.
  await page.getByLabel("Status", { exact: true }).selectOption("archived");
  await expect(page).toHaveURL(/status=archived/);
  await expect(rows(page)).toHaveCount(4);
  await page.reload();
  await expect(rows(page)).toHaveCount(4);
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("archived");

  // Search matches literally, case-insensitively; a search with no match offers to clear.
  await page.goto(`/w/${DEMO.slug}/projects?q=bot`);
  const botNames = await rowNames(page);
  expect(botNames.length).toBeGreaterThan(0);
  for (const name of botNames) expect(name.toLowerCase()).toContain("bot");
  await page.getByLabel("Search projects").fill("100%_no_such");
  await expect(page).toHaveURL(/q=100%25_no_such/);
  await expect(page.getByText("No projects match this view.")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(rows(page)).toHaveCount(20);

  // Edit the first project's name.
  const [name] = await rowNames(page);
  await page.getByRole("button", { name: `Edit ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Edit ${name}` });
  await dialog.getByLabel("Project name").fill(`${name} v2`);
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(`Saved ${name} v2.`)).toBeVisible();
  await expect(rows(page).filter({ hasText: `${name} v2` })).toHaveCount(1);

  // Archive it: it leaves the open list at once, and is in the archive.
  await page.getByLabel(`Status of ${name} v2`).selectOption("archived");
  await expect(rows(page).filter({ hasText: `${name} v2` })).toHaveCount(0);
  await expect(page.getByText(`${name} v2 is now Archived.`)).toBeVisible();
  await page.getByLabel("Status", { exact: true }).selectOption("archived");
  await expect(rows(page).filter({ hasText: `${name} v2` })).toHaveCount(1);

  // Delete it, after confirming.
  await page.getByRole("button", { name: `Delete ${name} v2` }).click();
  await page.getByRole("button", { name: "Delete project" }).click();
  await expect(page.getByText(`Deleted ${name} v2.`)).toBeVisible();
  await expect(rows(page)).toHaveCount(4);

  // The demo workspace is on Free, past its 3 projects: the page says by how much, and the
  // create form is disabled with the upgrade, before anyone submits.
  await expect(page.getByTestId("project-usage")).toHaveText(
    /^\d+ projects, \d+ over the Free limit of 3$/,
  );
  const form = page.getByRole("form", { name: "Create a project" });
  await expect(form.getByRole("button", { name: "Create project" })).toBeDisabled();
  await expect(page.getByTestId("upgrade-prompt")).toContainText("The Free plan allows 3 projects");
  await expect(
    page.getByTestId("upgrade-prompt").getByRole("link", { name: "Upgrade plan" }),
  ).toBeVisible();
});

test("projects: a filter, sort or search is a history entry (typing is not); loaded pages survive a reload", async ({
  page,
}) => {
  // Reads the shared demo workspace only; counts are compared with themselves, as the test
  // above may archive or delete one of its projects meanwhile.
  const base = `/w/${DEMO.slug}/projects`;
  await page.goto(base);
  await expect(rows(page)).toHaveCount(20);

  // "Load more" keeps its page count in the URL (no history entry): a reload shows the same rows.
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(page).toHaveURL(/[?&]pages=2$/);
  const loaded = await rows(page).count();
  expect(loaded).toBeGreaterThan(20);
  await page.reload();
  await expect(rows(page)).toHaveCount(loaded);
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);

  // Each deliberate change is one step back.
  await page.getByLabel("Status", { exact: true }).selectOption("paused");
  await expect(page).toHaveURL(/status=paused/);
  await expect(page).not.toHaveURL(/pages=/);
  await page.getByLabel("Sort").selectOption("name-asc");
  await expect(page).toHaveURL(/status=paused&sort=name-asc/);
  const search = page.getByLabel("Search projects");
  await search.pressSequentially("bo", { delay: 50 });
  await expect(page).toHaveURL(/q=bo/);
  await search.pressSequentially("t", { delay: 50 });
  await expect(page).toHaveURL(/q=bot/);

  await page.goBack(); // typing replaced its entry: back to before the search
  await expect(page).toHaveURL(/status=paused&sort=name-asc$/);
  await expect(search).toHaveValue("");
  await page.goBack();
  await expect(page).toHaveURL(/\?status=paused$/);
  await expect(page.getByLabel("Sort")).toHaveValue("updatedAt-desc");
  await page.goBack();
  await expect(page).toHaveURL(/[?&]pages=2$/);
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("");
  await expect(rows(page)).toHaveCount(loaded);
});

test("the activity log is in the server's HTML and hydrates without errors", async ({ page }) => {
  // The rows come with the page, not after a client-side fetch (the server rendered them)...
  const html = await (await page.request.get(`/w/${DEMO.slug}/activity`)).text();
  expect(html.match(/data-testid="activity-row"/g)?.length ?? 0).toBeGreaterThan(5);
  await page.goto(`/w/${DEMO.slug}/activity`, { waitUntil: "networkidle" });
  const log = page.getByRole("region", { name: "Activity" });
  await expect(log.getByRole("listitem").first()).toBeVisible();
  // ...and a server/browser mismatch (React #418) would fail this test through the page guard.
});
