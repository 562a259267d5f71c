import type { Page } from "@playwright/test";
import { clientIpHeader, signUpAndVerify } from "./support/accounts";
import { expect, test } from "./support/test";

/**
 * What search engines and link previews read of the site: each public page's title, description,
 * canonical URL, Open Graph and Twitter cards (the card's image fetched), its JSON-LD; robots.txt;
 * and `noindex` on the auth and signed-in pages.
 */

test.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) });

/** The `content` of `<meta name|property=key>`, or null when the page has none. */
async function meta(page: Page, key: string): Promise<string | null> {
  const tag = page.locator(`head meta[name="${key}"], head meta[property="${key}"]`);
  return (await tag.count()) === 0 ? null : tag.first().getAttribute("content");
}

/** Every "@type" in the page's JSON-LD blocks (each parsed with JSON.parse), "@graph"s opened. */
async function jsonLdTypes(page: Page): Promise<string[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.flatMap((text) => {
    const data = JSON.parse(text) as { "@type"?: string; "@graph"?: { "@type": string }[] };
    expect(data["@context" as keyof typeof data]).toBe("https://schema.org");
    return data["@graph"] ? data["@graph"].map((thing) => thing["@type"]) : [data["@type"]!];
  });
}

const PUBLIC_PAGES = [
  { path: "/", title: "Starter", types: ["Organization", "WebSite"] },
  { path: "/pricing", title: "Pricing · Starter", types: ["Product", "BreadcrumbList"] },
  { path: "/pricing/pro", title: "Pro plan · Starter", types: ["Product", "BreadcrumbList"] },
];

test("each public page has its title, description, canonical, cards with a PNG image, and JSON-LD", async ({
  page,
  request,
  baseURL,
}) => {
  for (const { path, title, types } of PUBLIC_PAGES) {
    await page.goto(path);
    // Next writes the site's root without its trailing slash.
    const url = new URL(path, baseURL).href.replace(/\/$/, "");
    await expect(page, path).toHaveTitle(title);
    const description = await meta(page, "description");
    expect(description?.length, path).toBeGreaterThan(20);
    await expect(page.locator('head link[rel="canonical"]'), path).toHaveAttribute("href", url);
    expect(await meta(page, "robots"), path).toBeNull();

    expect(await meta(page, "og:title"), path).toBe(title);
    expect(await meta(page, "og:description"), path).toBe(description);
    expect(await meta(page, "og:url"), path).toBe(url);
    expect(await meta(page, "og:type"), path).toBe("website");
    expect(await meta(page, "og:site_name"), path).toBe("Starter");
    expect(await meta(page, "og:image:width"), path).toBe("1200");
    expect(await meta(page, "og:image:alt"), path).toBeTruthy();
    expect(await meta(page, "twitter:card"), path).toBe("summary_large_image");
    expect(await meta(page, "twitter:title"), path).toBe(title);
    expect(await meta(page, "twitter:description"), path).toBe(description);

    const image = await meta(page, "og:image");
    expect(image, path).toMatch(new RegExp(`^${baseURL}/.*opengraph-image`));
    expect(await meta(page, "twitter:image"), path).toBe(image);
    const response = await request.get(image!);
    expect(response.status(), image!).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    // The PNG signature, and a 1200 × 630 image (IHDR width and height, big-endian).
    const png = await response.body();
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);

    expect(await jsonLdTypes(page), path).toEqual(types);
  }

  // The pricing page's offers are the catalogue's prices.
  await page.goto("/pricing");
  const product = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').first().textContent())!,
  ) as { offers: { name: string; price: string; priceCurrency: string }[] };
  expect(product.offers).toContainEqual(
    expect.objectContaining({ name: "Pro, billed monthly", price: "19.00", priceCurrency: "USD" }),
  );

  // The landing's FAQ opens from the keyboard, with no script; the footer links the legal pages.
  await page.goto("/");
  const question = page.getByText("Can I change the plans and prices?");
  const answer = page.getByText("the plans live in one file", { exact: false });
  await expect(answer).toBeHidden();
  await question.focus();
  await page.keyboard.press("Enter");
  await expect(answer).toBeVisible();
  const legal = page.getByRole("navigation", { name: "Legal" });
  await expect(legal.getByRole("link", { name: "Terms of service" })).toHaveAttribute(
    "href",
    "/terms",
  );
  await expect(legal.getByRole("link", { name: "Privacy policy" })).toHaveAttribute(
    "href",
    "/privacy",
  );
  await expect(page.getByRole("img", { name: /dashboard/ })).toBeVisible();
});

test("robots.txt names the sitemap and keeps crawlers out; auth and signed-in pages say noindex", async ({
  page,
  request,
  baseURL,
}) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  const text = await robots.text();
  expect(text).toContain("User-Agent: *\nAllow: /\n");
  for (const path of ["/api/", "/admin", "/dashboard", "/settings", "/w/", "/sign-in", "/dev/"]) {
    expect(text).toContain(`Disallow: ${path}\n`);
  }
  expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);

  await page.goto("/sign-in");
  expect(await meta(page, "robots")).toContain("noindex");
  await signUpAndVerify(page);
  expect(await meta(page, "robots")).toContain("noindex");
});
