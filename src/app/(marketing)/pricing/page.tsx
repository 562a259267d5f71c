import type { Metadata } from "next";
import { IntervalToggle } from "@/components/marketing/interval-toggle";
import { PlanCards } from "@/components/plan-cards";
import { PricingJsonLd } from "./pricing-json-ld";
import { listPlans } from "@/server/billing/catalogue";
import { PRICING_DESCRIPTION } from "../landing-copy";
import { publicPageMetadata } from "../metadata";

export function generateMetadata(): Metadata {
  return publicPageMetadata({
    path: "/pricing",
    title: "Pricing",
    description: PRICING_DESCRIPTION,
  });
}

export default function PricingPage() {
  return (
    <div className="space-y-10">
      <PricingJsonLd description={PRICING_DESCRIPTION} plans={listPlans()} />
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
