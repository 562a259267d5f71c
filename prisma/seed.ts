/**
 * Seed data: the plan catalogue the marketing pages read, written from the plans in code
 * (src/server/billing/plans.ts). Idempotent: plans are upserted by slug, so running it again
 * restores these values and creates nothing twice. Run with `npm run db:seed`.
 * Prices are integer cents.
 */
import type { Prisma, PrismaClient } from "../src/generated/prisma/client";
import { PLAN_LIST } from "../src/server/billing/plans";

type PlanSeed = Omit<Prisma.PlanCreateInput, "id" | "createdAt" | "updatedAt">;

/** The `Plan` rows, one per plan in code, in display order. */
export const PLAN_CATALOGUE: readonly PlanSeed[] = PLAN_LIST.map((plan, index) => ({
  slug: plan.slug,
  name: plan.name,
  description: plan.description,
  monthlyPriceCents: plan.monthlyPriceCents,
  yearlyPriceCents: plan.yearlyPriceCents,
  currency: plan.currency,
  perSeat: plan.perSeat,
  maxProjects: plan.entitlements.maxProjects,
  maxMembers: plan.entitlements.maxMembers,
  features: plan.features,
  highlighted: plan.highlighted,
  sortOrder: index,
}));

/** Upserts the plan catalogue in one transaction; returns how many plans it wrote. */
export async function seed(db: PrismaClient): Promise<number> {
  await db.$transaction(
    PLAN_CATALOGUE.map((plan) =>
      db.plan.upsert({ where: { slug: plan.slug }, create: plan, update: plan }),
    ),
  );
  return PLAN_CATALOGUE.length;
}
