import type { Metadata } from "next";
import { Suspense } from "react";
import { IntervalToggle } from "@/components/marketing/interval-toggle";
import { PlanCards, PlanCardsSkeleton } from "@/components/plan-cards";
import { JsonLd } from "@/components/seo/json-ld";
import { env } from "@/env";
import { getBrand } from "@/server/brand";
import { breadcrumbJsonLd, productJsonLd } from "@/server/seo/structured-data";
import { getQueryClient, trpc } from "@/trpc/server";
import { choosePlanHref } from "../account-links";
import { PRICING_DESCRIPTION } from "../landing-copy";
import { publicPageMetadata } from "../metadata";

export function generateMetadata(): Metadata {
  return publicPageMetadata({
    path: "/pricing",
    title: "Pricing",
    description: PRICING_DESCRIPTION,
  });
}

/** The cards with "Choose <plan>" buttons (where they lead depends on who is signed in). */
async function PricedPlans() {
  return <PlanCards showFeatures chooseHref={await choosePlanHref()} />;
}

/** The `Product` with an `Offer` per plan and interval, and the page's breadcrumb trail. */
async function PricingJsonLd() {
  const plans = await getQueryClient().fetchQuery(trpc.plan.list.queryOptions());
  const siteUrl = env.APP_URL;
  return (
    <>
      <JsonLd
        data={productJsonLd({
          brand: getBrand(),
          siteUrl,
          description: PRICING_DESCRIPTION,
          plans,
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
      <Suspense>
        <PricingJsonLd />
      </Suspense>
      <header className="mx-auto max-w-2xl space-y-3 text-center">
        <h1 className="text-4xl font-bold tracking-tight">Pricing</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          Start free. Upgrade when your team needs more. Cancel any time.
        </p>
      </header>
      <IntervalToggle>
        <Suspense fallback={<PlanCardsSkeleton />}>
          <PricedPlans />
        </Suspense>
      </IntervalToggle>
    </div>
  );
}
