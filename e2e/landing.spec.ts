import type { APIRequestContext, Request } from "@playwright/test";
import { expect, failedLoad, test } from "./support/test";

/** The plans as the tRPC endpoint returns them (superjson envelope unwrapped). */
async function plansFromApi(request: APIRequestContext) {
  const response = await request.get("/api/trpc/plan.list");
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { result: { data: { json: { name: string }[] } } };
  return body.result.data.json;
}

test("the landing page renders the plan catalogue on the server, with no client request", async ({
  page,
  request,
}) => {
  const trpcRequests: Request[] = [];
  page.on("request", (req) => {
    if (req.url().includes("/api/trpc")) trpcRequests.push(req);
  });

  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Launch your subscription");

  const plans = await plansFromApi(request);
  expect(plans.length).toBeGreaterThan(0);
  const cards = page.getByTestId("plan-card");
  await expect(cards).toHaveCount(plans.length);
  for (const [i, plan] of plans.entries()) {
    await expect(cards.nth(i).getByRole("heading", { level: 3 })).toContainText(plan.name);
  }
  await page.waitForLoadState("networkidle");
  expect(trpcRequests).toEqual([]);
});

test("a visitor goes from the landing page to pricing and a plan's details", async ({ page }) => {
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Pricing" })
    .click();
  await expect(page).toHaveURL(/\/pricing$/);
  await expect(page.getByRole("heading", { level: 1, name: "Pricing" })).toBeVisible();
  await expect(page.getByText("CSV exports").first()).toBeVisible();

  await page.getByRole("link", { name: "Pro: Details" }).click();
  await expect(page).toHaveURL(/\/pricing\/pro$/);
  await expect(page.getByRole("heading", { level: 1, name: "Pro" })).toBeVisible();
  await expect(page.getByText("$19 / month")).toBeVisible();
  await expect(page).toHaveTitle("Pro plan · Starter");
});

test("an unknown or malformed plan slug answers 404", async ({ page, expectConsoleErrors }) => {
  expectConsoleErrors(failedLoad(404, /\/pricing\/(enterprise|NOT%20A%20SLUG)$/, "no such plans"));
  for (const path of ["/pricing/enterprise", "/pricing/NOT%20A%20SLUG"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

test("the health endpoints report the process live and the instance ready", async ({ request }) => {
  const live = await request.get("/api/health/live");
  expect(live.status()).toBe(200);
  expect(await live.json()).toEqual({ status: "ok" });
  const ready = { status: "ok", checks: { database: "ok", migrations: "ok", jobs: "ok" } };
  for (const path of ["/api/health/ready", "/api/health"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(await response.json()).toEqual(ready);
  }
});

test("the pricing page states each plan's limits once", async ({ page }) => {
  await page.goto("/pricing");
  const free = page.getByRole("article", { name: "Free" });
  for (const limit of ["Up to 3 projects", "Up to 3 members", "Activity log for 7 days"]) {
    await expect(free.getByText(limit, { exact: true })).toHaveCount(1);
  }
  const team = page.getByRole("article", { name: "Team" });
  await expect(team.getByText("Unlimited projects", { exact: true })).toHaveCount(1);
});
