import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PlanDetails } from "@/components/plan-details";
import { JsonLd } from "@/components/seo/json-ld";
import { env } from "@/env";
import { planSlugSchema } from "@/schemas/plan";
import { getBrand } from "@/server/brand";
import { breadcrumbJsonLd, productJsonLd } from "@/server/seo/structured-data";
import { getQueryClient, trpc } from "@/trpc/server";
import { choosePlanHref } from "../../account-links";
import { publicPageMetadata } from "../../metadata";

/** The plan for this slug, or Next's 404 for a malformed or unknown slug. */
async function loadPlan(slug: string) {
  if (!planSlugSchema.safeParse(slug).success) notFound();
  try {
    return await getQueryClient().fetchQuery(trpc.plan.bySlug.queryOptions({ slug }));
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({
  params,
}: PageProps<"/pricing/[slug]">): Promise<Metadata> {
  const { slug } = await params;
  const plan = await loadPlan(slug);
  return publicPageMetadata({
    path: `/pricing/${slug}`,
    title: `${plan.name} plan`,
    description: plan.description,
  });
}

export default async function PlanPage({ params }: PageProps<"/pricing/[slug]">) {
  const plan = await loadPlan((await params).slug);
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
      <PlanDetails plan={plan} chooseHref={await choosePlanHref()} />
    </>
  );
}
