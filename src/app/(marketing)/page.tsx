import type { Metadata } from "next";
import Link from "next/link";
import { PlanCards } from "@/components/plan-cards";
import { listPlans } from "@/server/billing/catalogue";
import { publicPageMetadata } from "./metadata";

export function generateMetadata(): Metadata {
  return publicPageMetadata({ path: "/" });
}

export default function LandingPage() {
  return (
    <div className="space-y-16">
      <section className="mx-auto max-w-3xl space-y-6 text-center">
        <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">
          Launch your subscription product this week
        </h1>
        <p className="text-lg text-zinc-600 dark:text-zinc-400">
          Sign-up, teams, billing and dashboards, typed end to end from the database to the browser.
          Run the whole journey, payments included, on your laptop.
        </p>
        <Link
          href="/pricing"
          className="inline-block rounded-md bg-indigo-600 px-5 py-3 font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          See pricing
        </Link>
      </section>
      <section aria-labelledby="plans-heading" className="space-y-6">
        <h2 id="plans-heading" className="text-center text-2xl font-semibold">
          Plans for every stage
        </h2>
        <PlanCards plans={listPlans()} />
      </section>
    </div>
  );
}
