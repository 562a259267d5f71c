import { expect, failedLoad, test } from "./support/test";
import { clientIpHeader, otherDevice, signIn } from "./support/accounts";

/**
 * The editorial workflow, end to end: an editor (the seed's staff account; admins are editors)
 * drafts a post, previews it, schedules it a few seconds ahead; the `publish-posts` job that
 * `npm start`'s worker runs at publishAt publishes it, and it shows on /blog, its tag page, the
 * RSS feed and the sitemap. Before that, its URL is a 404 to visitors.
 */

test.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) });

const STAFF = { email: "staff@example.com", password: "demo-password-123" };

test("an editor drafts, previews and schedules a post; the job publishes it everywhere", async ({
  page,
  browser,
  expectConsoleErrors,
}) => {
  expectConsoleErrors(failedLoad(404, /\/blog\/e2e-/, "a draft is a 404 to visitors"));
  const id = Date.now().toString(36);
  const slug = `e2e-${id}`;
  const tag = `t${id}`;
  const title = `Scheduled post ${id}`;

  await signIn(page, STAFF.email, STAFF.password);
  await page.goto("/admin/posts/new");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Title").fill(title);
  await expect(page.getByLabel("Slug")).toHaveValue(`scheduled-post-${id}`);
  await page.getByLabel("Slug").fill(slug);
  await page.getByLabel("Excerpt").fill("Written by the e2e test.");
  await page.getByLabel("Tags").fill(tag);
  await page.getByLabel("Body (Markdown)").fill("## Hello\n\n```ts\nconst x = 1;\n```");
  // The live preview is the server's rendering: a heading anchor and highlighted code.
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.locator("h2#hello")).toBeVisible();
  await expect(preview.locator("pre.shiki")).toBeVisible();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/admin\/posts\/[^/]+$/);
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();

  // A visitor gets a 404 for the draft; the editor's preview shows it.
  const visitor = await otherDevice(browser);
  expect((await visitor.goto(`/blog/${slug}`))?.status()).toBe(404);
  await page.getByRole("link", { name: "Open preview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByRole("link", { name: "Back to the editor" }).click();
  await page.waitForLoadState("networkidle");

  // Schedule 6 s ahead (the picker is in the browser's local time, to the second).
  const publishAt = await page.evaluate(() => {
    const at = new Date(Date.now() + 6_000);
    const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 19);
  });
  await page.getByLabel("Publish at (your local time)").fill(publishAt);
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByText("Scheduled", { exact: true }).first()).toBeVisible();

  // The worker's publish-posts job (startAfter = publishAt) publishes it.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("Published", { exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  // The job then asks the app to refresh its cached pages (the draft's 404 among them): within
  // moments, not the 60 s of time-based revalidation.
  await expect(async () => {
    expect((await visitor.goto(`/blog/${slug}`))?.status()).toBe(200);
  }).toPass({ timeout: 10_000 });
  await visitor.goto("/blog");
  await expect(visitor.getByRole("link", { name: title })).toBeVisible();
  await visitor.goto(`/blog/${slug}`);
  await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await visitor.goto(`/blog/tags/${tag}`);
  await expect(visitor.getByRole("link", { name: title })).toBeVisible();
  const feed = await visitor.request.get("/blog/rss.xml");
  expect(feed.headers()["content-type"]).toContain("application/rss+xml");
  expect(await feed.text()).toContain(`/blog/${slug}</link>`);
  const sitemap = await (await visitor.request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`/blog/${slug}</loc>`);
  expect(sitemap).toContain(`/blog/tags/${tag}</loc>`);
  expect(sitemap).toContain("/pricing/pro</loc>");
  expect(sitemap).not.toContain("/blog/draft-roadmap<");
});
