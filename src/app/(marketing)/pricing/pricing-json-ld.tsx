/**
 * The structured data of the pricing pages (src/server/seo/structured-data.ts): a `Product` with
 * an `Offer` per plan and interval, and the breadcrumb trail Home › Pricing (› `plan`). Settings
 * (APP_URL, the brand) are read at render time.
 */
import { JsonLd } from "@/components/seo/json-ld";
import { env } from "@/env";
import type { listPlans } from "@/server/billing/catalogue";
import { getBrand } from "@/server/brand";
import { breadcrumbJsonLd, productJsonLd } from "@/server/seo/structured-data";

type PublicPlan = ReturnType<typeof listPlans>[number];

/** `plans`: the offered plans; `plan`: the one plan page's plan, last in the trail. */
export function PricingJsonLd({
  description,
  plans,
  plan,
}: {
  description: string;
  plans: readonly PublicPlan[];
  plan?: PublicPlan;
}) {
  const siteUrl = env.APP_URL;
  const trail = [
    { name: "Home", path: "/" },
    { name: "Pricing", path: "/pricing" },
    ...(plan ? [{ name: plan.name, path: `/pricing/${plan.slug}` }] : []),
  ];
  return (
    <>
      <JsonLd data={productJsonLd({ brand: getBrand(), siteUrl, description, plans })} />
      <JsonLd data={breadcrumbJsonLd({ siteUrl, items: trail })} />
    </>
  );
}
