import type { Metadata } from "next";
import { PlanDetails } from "@/components/plan-details";
import { JsonLd } from "@/components/seo/json-ld";
import { env } from "@/env";
import { getBrand } from "@/server/brand";
import { getPlanBySlug, listPlans } from "@/server/billing/catalogue";
import { breadcrumbJsonLd, productJsonLd } from "@/server/seo/structured-data";
import { publicPageMetadata } from "../../metadata";

// One prerendered page per plan of the catalogue; any other slug is the 404 (rendered per request).
export const dynamicParams = false;

export function generateStaticParams(): { slug: string }[] {
  return listPlans().map((plan) => ({ slug: plan.slug }));
}

export async function generateMetadata({
  params,
}: PageProps<"/pricing/[slug]">): Promise<Metadata> {
  const { slug } = await params;
  const plan = getPlanBySlug(slug);
  return publicPageMetadata({
    path: `/pricing/${slug}`,
    title: `${plan.name} plan`,
    description: plan.description,
  });
}

export default async function PlanPage({ params }: PageProps<"/pricing/[slug]">) {
  const plan = getPlanBySlug((await params).slug);
  const siteUrl = env.APP_URL;
  return (
    <>
      <JsonLd
        data={productJsonLd({
          brand: getBrand(),
          siteUrl,
          description: plan.description,
          plans: [plan],
        })}
      />
      <JsonLd
        data={breadcrumbJsonLd({
          siteUrl,
          items: [
            { name: "Home", path: "/" },
            { name: "Pricing", path: "/pricing" },
            { name: plan.name, path: `/pricing/${plan.slug}` },
          ],
        })}
      />
      <PlanDetails plan={plan} chooseHref="/choose-plan" />
    </>
  );
}
