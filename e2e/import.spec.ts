import { parse } from "csv-parse/sync";
import { expect, test } from "./support/test";
import { clientIpHeader } from "./support/accounts";
import { freeWorkspace } from "./support/stripe";

/**
 * CSV import of projects from the browser: a file with some bad rows is uploaded straight to
 * storage, the preview shows each error next to its field, the import runs in the worker that
 * `npm start` runs beside the app, and the summary links the failed rows with their reasons.
 */

test.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) });

const CSV = [
  "Title;Details",
  "Apollo;The first one",
  ";A row without a name",
  '"Gemini; two";"Quoted ""details"""',
  `${"x".repeat(81)};Name too long`,
].join("\r\n");

test("import a CSV with bad rows: preview, progress, summary, failed rows file", async ({
  page,
}) => {
  // Sign-up, upload, a job and a download: slower than one page on a loaded machine.
  test.setTimeout(90_000);
  const slug = await freeWorkspace(page, "Ivy Importer");
  await page.goto(`/w/${slug}/projects`);
  await page.getByRole("link", { name: "Import from CSV" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/projects/import$`));
  await page.waitForLoadState("networkidle");

  await page.getByLabel("CSV file").setInputFiles({
    name: "projects.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFF${CSV}`, "utf8"),
  });
  await page.getByRole("button", { name: "Continue" }).click();

  // Detected delimiter and guessed columns; each error sits in its row, under its field.
  await expect(page.getByLabel("Delimiter")).toHaveValue(";");
  await expect(page.getByLabel("Name column")).toHaveValue("Title");
  await expect(page.getByLabel("Description column (optional)")).toHaveValue("Details");
  const rows = page.getByTestId("preview-row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0).getByTestId("error-name")).toHaveCount(0);
  await expect(rows.nth(1).getByTestId("error-name")).toHaveText("Name is required.");
  await expect(rows.nth(2)).toContainText('Quoted "details"');
  await expect(rows.nth(3).getByTestId("error-name")).toHaveText("Name is at most 80 characters.");
  await expect(page.getByText("2 rows have errors")).toBeVisible();

  await page.getByRole("button", { name: "Import projects" }).click();
  await expect(page).toHaveURL(/\?import=/);
  // Progress, then the summary (a 4-row file may finish before the bar is painted).
  const summary = page.getByTestId("import-summary");
  await expect(summary).toBeVisible({ timeout: 20_000 });
  await expect(summary).toContainText("Created2");
  await expect(summary).toContainText("Skipped0");
  await expect(summary).toContainText("Failed2");
  await expect(page.getByText("A row whose name matches an existing project")).toBeVisible();

  const link = page.getByRole("link", { name: "Download the 2 failed rows" });
  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  const failed = parse(await response.text(), { columns: true }) as Record<string, string>[];
  expect(failed).toEqual([
    { Title: "", Details: "A row without a name", reason: "name: Name is required." },
    {
      Title: "x".repeat(81),
      Details: "Name too long",
      reason: "name: Name is at most 80 characters.",
    },
  ]);

  await page.getByRole("link", { name: "Go to projects" }).click();
  for (const name of ["Apollo", "Gemini; two"]) {
    await expect(page.getByTestId("project-row").filter({ hasText: name })).toBeVisible();
  }
});
