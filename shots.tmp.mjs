// Screenshots for polish-a (not part of the branch): long names, activity, admin lists and details.
import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3201";
const out = "/tmp/polish-a/shots";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const W = (tag, n) => (tag + "W".repeat(n)).slice(0, n);
const id = Date.now().toString(36);

async function newCtx(scheme, width) {
  const ctx = await browser.newContext({
    colorScheme: scheme,
    viewport: { width, height: 900 },
    extraHTTPHeaders: { "x-forwarded-for": `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
  });
  return ctx;
}
async function signIn(page, email, password) {
  await page.goto(base + "/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/dashboard/);
}

// Set up: a demo user's long-named workspace and project (demo is Free at its limit, so a new workspace).
const setup = await (await newCtx("light", 1280)).newPage();
await signIn(setup, "demo@example.com", "demo-password-123");
const slug = `ws${id}`.padEnd(40, "w");
await setup.goto(base + "/w/new");
await setup.waitForLoadState("networkidle");
await setup.getByLabel("Name").fill(W("Workspace", 60));
await setup.getByLabel("URL slug (optional)").fill(slug);
await setup.getByRole("button", { name: "Create workspace" }).click();
await setup.waitForURL(new RegExp(slug));
await setup.goto(`${base}/w/${slug}/projects`);
await setup.waitForLoadState("networkidle");
const form = setup.getByRole("form", { name: "Create a project" });
await form.getByLabel("Project name").fill(W("Project", 80));
await form.getByLabel("Description (optional)").fill(W("Description", 300));
await form.getByRole("button", { name: "Create project" }).click();
await setup.getByTestId("project-row").first().waitFor();
await setup.context().close();

const appPages = [["projects", `/w/${slug}/projects`], ["overview", `/w/${slug}`], ["activity", `/w/acme-demo/activity`], ["members", `/w/acme-demo/members`]];
const adminPages = [["admin-users", "/admin/users"], ["admin-workspaces", "/admin/workspaces"], ["admin-events", "/admin/stripe-events"], ["admin-jobs", "/admin/jobs"], ["admin-audit", "/admin/audit"]];
for (const [scheme, width] of [["light", 1280], ["dark", 1280], ["light", 390]]) {
  const page = await (await newCtx(scheme, width)).newPage();
  page.on("pageerror", (e) => console.log("pageerror", e.message));
  await signIn(page, "demo@example.com", "demo-password-123");
  for (const [name, path] of appPages) {
    await page.goto(base + path);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `${out}/${name}-${scheme}-${width}.png`, fullPage: width === 390 });
  }
  if (width === 390) {
    await page.goto(`${base}/w/${slug}`);
    await page.getByRole("button", { name: /Switch workspace/ }).click();
    await page.screenshot({ path: `${out}/switcher-${scheme}-${width}.png` });
  }
  await page.context().clearCookies();
  await signIn(page, "staff@example.com", "demo-password-123");
  await page.getByRole("button", { name: /account menu/ }).first().click().catch(() => {});
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/usermenu-${scheme}-${width}.png` });
  await page.keyboard.press("Escape");
  for (const [name, path] of adminPages) {
    await page.goto(base + path);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `${out}/${name}-${scheme}-${width}.png`, fullPage: width === 390 });
  }
  await page.goto(`${base}/admin/workspaces?q=${slug}`);
  await page.locator(`main a[href^="/admin/workspaces/"]`).first().click();
  await page.waitForURL(/admin\/workspaces\/[^?]+$/);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${out}/admin-workspace-detail-${scheme}-${width}.png`, fullPage: width === 390 });
  await page.locator(`main a[href^="/admin/users/"]`).first().click();
  await page.waitForURL(/admin\/users\/[^?]+$/);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${out}/admin-user-detail-${scheme}-${width}.png`, fullPage: width === 390 });
  // The audit pickers, open.
  await page.goto(base + "/admin/audit");
  await page.waitForLoadState("networkidle");
  await page.getByRole("combobox", { name: "Actor" }).fill("demo");
  await page.getByRole("option").first().waitFor();
  await page.screenshot({ path: `${out}/admin-audit-picker-${scheme}-${width}.png` });
  await page.getByRole("option").first().click();
  await page.getByRole("combobox", { name: "Workspace" }).fill("acme");
  await page.getByRole("option").first().waitFor();
  await page.getByRole("option").first().click();
  await page.getByRole("button", { name: "Filter" }).click();
  await page.waitForURL(/actorId/);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${out}/admin-audit-filtered-${scheme}-${width}.png` });
  await page.context().close();
}
await browser.close();
console.log("done");
