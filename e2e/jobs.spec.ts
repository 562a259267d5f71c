import { readFile } from "node:fs/promises";
import { expect, test } from "./support/test";
import { parse } from "csv-parse/sync";
import { clientIpHeader } from "./support/accounts";
import { freeWorkspace, upgradeToPro } from "./support/stripe";

/**
 * Background jobs from the browser: a Pro workspace starts a CSV export (the worker that
 * `npm start` runs beside the app builds it) and, once it is ready, downloads it and finds its
 * projects in it, quoted as CSV requires.
 */

test.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) });

test("export a workspace from the UI; the downloaded CSV holds its projects", async ({ page }) => {
  const slug = await freeWorkspace(page, "Erin Exporter");
  await upgradeToPro(page, slug, "4242 4242 4242 4242");
  await expect(page.getByTestId("current-plan")).toHaveText("Pro", { timeout: 20_000 });

  await page.goto(`/w/${slug}/projects`);
  const form = page.getByRole("form", { name: "Create a project" });
  for (const name of ['Launch, "v2"', "Docs"]) {
    await form.getByLabel("Project name").fill(name);
    await form.getByRole("button", { name: "Create project" }).click();
    await expect(page.getByTestId("project-row").filter({ hasText: name })).toBeVisible();
  }

  await page.goto(`/w/${slug}/settings`);
  // A double click starts one export, with no error: the second click is absorbed.
  await page.getByRole("button", { name: "Export CSV" }).dblclick();
  const row = page.getByTestId("export-row").first();
  // Queued, then built by the worker (so fast here that "Waiting…"/"Exporting… N%" may never be
  // painted: intermediate progress is asserted in src/server/jobs/export-crash.test.ts).
  const link = row.getByRole("link", { name: "Download CSV" });
  await expect(link).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText("Ready");
  await expect(page.getByTestId("export-row")).toHaveCount(1);
  await expect(page.getByText("An export is already running")).toHaveCount(0);
  await expect(page.locator('[data-sonner-toast][data-type="error"]')).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Export CSV" })).toBeEnabled();

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^${slug}-export-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
  );
  const rows = parse(await readFile((await download.path())!, "utf8"), { columns: true }) as Record<
    string,
    string
  >[];
  const projects = rows.filter((r) => r.section === "project").map((r) => r.name_or_action);
  expect(projects.sort()).toEqual(["Docs", 'Launch, "v2"']);
  expect(rows.filter((r) => r.section === "activity").length).toBeGreaterThan(0);

  // The activity log says it in words.
  await page.goto(`/w/${slug}/activity`);
  await expect(
    page.getByTestId("activity-row").filter({ hasText: "Erin Exporter requested an export" }),
  ).toHaveCount(1);
});
