/**
 * schema.org structured data (JSON-LD) of the public pages, built from the one brand
 * (src/server/brand.ts) and the one plan catalogue (src/server/billing/catalogue.ts); rendered by
 * src/components/seo/json-ld.tsx. Vocabulary: https://schema.org; what Google reads of it:
 * https://developers.google.com/search/docs/appearance/structured-data (Organization, WebSite,
 * Product with Offers, BreadcrumbList). URLs are absolute on `siteUrl` (APP_URL).
 */
import type {
  BreadcrumbList,
  Graph,
  Offer,
  Organization,
  Product,
  WebSite,
  WithContext,
} from "schema-dts";
import type { listPlans } from "@/server/billing/catalogue";
import type { Brand } from "@/server/brand";

type Plan = ReturnType<typeof listPlans>[number];

/** `path` ("/pricing") made absolute on `siteUrl` ("https://example.com"). */
function absolute(siteUrl: string, path: string): string {
  return new URL(path, siteUrl).href;
}

/** Integer cents as schema.org's decimal price text: 1900 → "19.00". */
export function priceText(cents: number): string {
  return (cents / 100).toFixed(2);
}

/**
 * The landing page's graph: the `Organization` behind the product (its logo: the brand's, else
 * the favicon) and the `WebSite` it publishes.
 */
export function siteJsonLd({
  brand,
  siteUrl,
  description,
}: {
  brand: Brand;
  siteUrl: string;
  description: string;
}): Graph {
  const organization: Organization = {
    "@type": "Organization",
    "@id": absolute(siteUrl, "/#organization"),
    name: brand.name,
    url: absolute(siteUrl, "/"),
    logo: absolute(siteUrl, brand.logoUrl ?? "/favicon.svg"),
  };
  const website: WebSite = {
    "@type": "WebSite",
    "@id": absolute(siteUrl, "/#website"),
    name: brand.name,
    url: absolute(siteUrl, "/"),
    description,
    inLanguage: "en",
    publisher: { "@id": absolute(siteUrl, "/#organization") },
  };
  return { "@context": "https://schema.org", "@graph": [organization, website] };
}

/** One `Offer` per plan and billing interval, priced per month or per year (and per seat). */
function planOffers(plan: Plan, siteUrl: string): Offer[] {
  const intervals = [
    { cents: plan.monthlyPriceCents, duration: "P1M", unitCode: "MON", word: "monthly" },
    ...(plan.yearlyPriceCents === null
      ? []
      : [{ cents: plan.yearlyPriceCents, duration: "P1Y", unitCode: "ANN", word: "yearly" }]),
  ];
  const currency = plan.currency.toUpperCase();
  return intervals.map(({ cents, duration, unitCode, word }) => ({
    "@type": "Offer",
    name: plan.yearlyPriceCents === null ? plan.name : `${plan.name}, billed ${word}`,
    description: plan.description,
    url: absolute(siteUrl, `/pricing/${plan.slug}`),
    price: priceText(cents),
    priceCurrency: currency,
    availability: "https://schema.org/InStock",
    priceSpecification: {
      "@type": "UnitPriceSpecification",
      price: priceText(cents),
      priceCurrency: currency,
      billingDuration: duration,
      referenceQuantity: { "@type": "QuantitativeValue", value: 1, unitCode },
      ...(plan.perSeat ? { unitText: "per seat" } : {}),
    },
  }));
}

/**
 * The product as the pricing page (every plan) or a plan's page (`plans` = that one) sells it: a
 * `Product` named after the brand, with an `Offer` per plan and billing interval.
 */
export function productJsonLd({
  brand,
  siteUrl,
  description,
  plans,
}: {
  brand: Brand;
  siteUrl: string;
  description: string;
  plans: readonly Plan[];
}): WithContext<Product> {
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: brand.name,
    description,
    brand: { "@type": "Brand", name: brand.name },
    url: absolute(siteUrl, "/pricing"),
    offers: plans.flatMap((plan) => planOffers(plan, siteUrl)),
  };
}

/** The trail to a page, home first: `[{ name: "Pricing", path: "/pricing" }, …]`. */
export function breadcrumbJsonLd({
  siteUrl,
  items,
}: {
  siteUrl: string;
  items: readonly { name: string; path: string }[];
}): WithContext<BreadcrumbList> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map((item, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: item.name,
      item: absolute(siteUrl, item.path),
    })),
  };
}
