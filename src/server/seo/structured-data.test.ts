import { describe, expect, it } from "vitest";
import { jsonLdText } from "@/components/seo/json-ld";
import { listPlans } from "@/server/billing/catalogue";
import { PLANS } from "@/server/billing/plans";
import { breadcrumbJsonLd, priceText, productJsonLd, siteJsonLd } from "./structured-data";

const brand = { name: "Acme", logoUrl: null };
const siteUrl = "https://acme.example";

describe("structured data", () => {
  it("writes prices as decimal text from integer cents", () => {
    expect(priceText(1900)).toBe("19.00");
    expect(priceText(0)).toBe("0.00");
    expect(priceText(12345)).toBe("123.45");
  });

  it("offers every plan of the catalogue per interval, priced as the catalogue says", () => {
    const product = productJsonLd({ brand, siteUrl, description: "Plans", plans: listPlans() });
    expect(product).toMatchObject({ "@type": "Product", name: "Acme", url: `${siteUrl}/pricing` });
    const offers = product.offers as unknown as Record<string, unknown>[];
    // Free has no yearly price: one offer; Pro and Team have two each.
    const expected = Object.values(PLANS).reduce(
      (count, plan) => count + (plan.yearlyPriceCents === null ? 1 : 2),
      0,
    );
    expect(offers).toHaveLength(expected);
    const proYearly = offers.find((offer) => offer.name === "Pro, billed yearly");
    expect(proYearly).toMatchObject({
      price: priceText(PLANS.pro.yearlyPriceCents!),
      priceCurrency: "USD",
      url: `${siteUrl}/pricing/pro`,
      priceSpecification: {
        "@type": "UnitPriceSpecification",
        billingDuration: "P1Y",
        referenceQuantity: { unitCode: "ANN", value: 1 },
      },
    });
    const teamMonthly = offers.find((offer) => offer.name === "Team, billed monthly");
    expect(teamMonthly?.priceSpecification).toMatchObject({
      price: priceText(PLANS.team.monthlyPriceCents),
      billingDuration: "P1M",
      unitText: "per seat",
    });
    expect(offers.find((offer) => offer.name === "Free")).toMatchObject({ price: "0.00" });
  });

  it("links the website to its organization, with the brand's logo or the favicon", () => {
    const graph = siteJsonLd({ brand, siteUrl, description: "Tagline" })["@graph"];
    expect(graph).toEqual([
      expect.objectContaining({
        "@type": "Organization",
        "@id": `${siteUrl}/#organization`,
        logo: `${siteUrl}/favicon.svg`,
      }),
      expect.objectContaining({
        "@type": "WebSite",
        url: `${siteUrl}/`,
        publisher: { "@id": `${siteUrl}/#organization` },
      }),
    ]);
    const withLogo = siteJsonLd({
      brand: { ...brand, logoUrl: "/logo.png" },
      siteUrl,
      description: "",
    });
    expect(withLogo["@graph"][0]).toMatchObject({ logo: `${siteUrl}/logo.png` });
  });

  it("numbers breadcrumbs from 1 with absolute URLs", () => {
    const trail = breadcrumbJsonLd({
      siteUrl,
      items: [
        { name: "Home", path: "/" },
        { name: "Pricing", path: "/pricing" },
      ],
    });
    expect(trail.itemListElement).toEqual([
      { "@type": "ListItem", position: 1, name: "Home", item: `${siteUrl}/` },
      { "@type": "ListItem", position: 2, name: "Pricing", item: `${siteUrl}/pricing` },
    ]);
  });

  it("escapes < so no value can close the script element", () => {
    const text = jsonLdText(
      breadcrumbJsonLd({ siteUrl, items: [{ name: "</script><script>alert(1)", path: "/" }] }),
    );
    expect(text).not.toContain("<");
    expect(text).toContain("\\u003c/script>");
    expect(JSON.parse(text).itemListElement[0].name).toBe("</script><script>alert(1)");
  });
});
