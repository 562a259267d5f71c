import type { Metadata } from "next";
import { Suspense } from "react";
import { IntervalToggle } from "@/components/marketing/interval-toggle";
import { PlanCards, PlanCardsSkeleton } from "@/components/plan-cards";
import { choosePlanHref } from "../account-links";
import { publicPageMetadata } from "../metadata";

export function generateMetadata(): Metadata {
  return publicPageMetadata({
    path: "/pricing",
    title: "Pricing",
    description: "Simple plans that grow with your team.",
  });
}

/** The cards with "Choose <plan>" buttons (where they lead depends on who is signed in). */
async function PricedPlans() {
  return <PlanCards showFeatures chooseHref={await choosePlanHref()} />;
}

export default function PricingPage() {
  return (
    <div className="space-y-10">
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
