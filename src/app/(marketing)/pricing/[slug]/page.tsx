import type { Metadata } from "next";
import { PlanDetails } from "@/components/plan-details";
import { PricingJsonLd } from "../pricing-json-ld";
import { getPlanBySlug, listPlans } from "@/server/billing/catalogue";
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
  return (
    <>
      <PricingJsonLd description={plan.description} plans={[plan]} plan={plan} />
      <PlanDetails plan={plan} chooseHref="/choose-plan" />
    </>
  );
}
