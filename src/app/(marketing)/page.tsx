import type { Metadata } from "next";
import { getImageProps } from "next/image";
import Link from "next/link";
import { Faq } from "@/components/marketing/faq";
import { FeatureGrid, HowItWorks } from "@/components/marketing/features";
import { PlanCards } from "@/components/plan-cards";
import { JsonLd } from "@/components/seo/json-ld";
import { env } from "@/env";
import { listPlans } from "@/server/billing/catalogue";
import { BRAND_TAGLINE, getBrand } from "@/server/brand";
import { siteJsonLd } from "@/server/seo/structured-data";
import { LANDING_HEADLINE } from "./landing-copy";
import { publicPageMetadata } from "./metadata";

export function generateMetadata(): Metadata {
  return publicPageMetadata({ path: "/" });
}

const primaryButton =
  "inline-block rounded-md bg-indigo-600 px-5 py-3 font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";
const secondaryButton =
  "inline-block rounded-md border border-zinc-300 px-5 py-3 font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-zinc-700 dark:hover:bg-zinc-900";

/** The product screenshot (public/product-dashboard.png, 1280 × 800 px): the LCP image, fetched eagerly at high priority. */
function productShot(brandName: string) {
  return getImageProps({
    src: "/product-dashboard.png",
    width: 1280,
    height: 800,
    sizes: "(min-width: 1152px) 1104px, calc(100vw - 2rem)",
    preload: true,
    alt: `The ${brandName} dashboard: a workspace's projects, plan usage and recent activity`,
    className:
      "mx-auto w-full rounded-xl border border-zinc-200 shadow-2xl shadow-indigo-500/10 dark:border-zinc-800",
  }).props;
}

export default function LandingPage() {
  const brand = getBrand();
  return (
    <div className="space-y-24">
      <JsonLd data={siteJsonLd({ brand, siteUrl: env.APP_URL, description: BRAND_TAGLINE })} />
      <section className="space-y-12">
        <div className="mx-auto max-w-3xl space-y-6 text-center">
          <p className="inline-block rounded-full border border-indigo-200 bg-indigo-50 px-3 py-1 text-sm font-medium text-indigo-700 dark:border-indigo-900 dark:bg-indigo-950 dark:text-indigo-300">
            Next.js 16 · tRPC v11 · Prisma 7 · Stripe
          </p>
          <h1 className="text-4xl font-bold tracking-tight text-balance sm:text-5xl">
            {LANDING_HEADLINE}
          </h1>
          <p className="text-lg text-zinc-600 dark:text-zinc-400">
            Sign-up, teams, billing and dashboards, typed end to end from the database to the
            browser. Run the whole journey, payments included, on your laptop.
          </p>
          <div className="flex flex-wrap justify-center gap-3">
            <Link href="/sign-up" className={primaryButton}>
              Start for free
            </Link>
            <Link href="/pricing" className={secondaryButton}>
              See pricing
            </Link>
          </div>
        </div>
        {/* next/image's optimizer and srcset through getImageProps, on a plain <img>: the
            <Image> component would add ~5 kB of client JavaScript to a page that needs none. */}
        {/* eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- alt is in the props */}
        <img {...productShot(brand.name)} />
      </section>
      <FeatureGrid />
      <HowItWorks />
      <section aria-labelledby="plans-heading" className="space-y-6">
        <h2 id="plans-heading" className="text-center text-3xl font-bold tracking-tight">
          Plans for every stage
        </h2>
        <PlanCards plans={listPlans()} />
        <p className="text-center">
          <Link
            href="/pricing"
            className="rounded-sm font-medium text-indigo-600 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-400"
          >
            Compare every plan<span aria-hidden="true"> →</span>
          </Link>
        </p>
      </section>
      <Faq />
      <section
        aria-labelledby="cta-heading"
        className="rounded-2xl bg-indigo-600 px-6 py-12 text-center text-white sm:px-12"
      >
        <h2 id="cta-heading" className="text-3xl font-bold tracking-tight">
          Ship the product, not the plumbing
        </h2>
        <p className="mx-auto mt-3 max-w-xl text-indigo-100">
          Create an account in a minute. The Free plan needs no card.
        </p>
        <Link
          href="/sign-up"
          className="mt-6 inline-block rounded-md bg-white px-5 py-3 font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
        >
          Get started free
        </Link>
      </section>
    </div>
  );
}
