import type { Metadata } from "next";
import { IntervalToggle } from "@/components/marketing/interval-toggle";
import { PlanCards } from "@/components/plan-cards";
import { JsonLd } from "@/components/seo/json-ld";
import { env } from "@/env";
import { getBrand } from "@/server/brand";
import { listPlans } from "@/server/billing/catalogue";
import { breadcrumbJsonLd, productJsonLd } from "@/server/seo/structured-data";
import { PRICING_DESCRIPTION } from "../landing-copy";
import { publicPageMetadata } from "../metadata";

export function generateMetadata(): Metadata {
  return publicPageMetadata({
    path: "/pricing",
    title: "Pricing",
    description: PRICING_DESCRIPTION,
  });
}

/** The `Product` with an `Offer` per plan and interval, and the page's breadcrumb trail. */
function PricingJsonLd() {
  const siteUrl = env.APP_URL;
  return (
    <>
      <JsonLd
        data={productJsonLd({
          brand: getBrand(),
          siteUrl,
          description: PRICING_DESCRIPTION,
          plans: listPlans(),
        })}
      />
      <JsonLd
        data={breadcrumbJsonLd({
          siteUrl,
          items: [
            { name: "Home", path: "/" },
            { name: "Pricing", path: "/pricing" },
          ],
        })}
      />
    </>
  );
}

export default function PricingPage() {
  return (
    <div className="space-y-10">
      <PricingJsonLd />
      <header className="mx-auto max-w-2xl space-y-3 text-center">
        <h1 className="text-4xl font-bold tracking-tight">Pricing</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          Start free. Upgrade when your team needs more. Cancel any time.
        </p>
      </header>
      {/* The cards' plan names are h3s: this keeps the heading levels in order. */}
      <h2 className="sr-only">Plans</h2>
      <IntervalToggle>
        <PlanCards plans={listPlans()} showFeatures chooseHref="/choose-plan" />
      </IntervalToggle>
    </div>
  );
}
