/**
 * Seed data: the plan catalogue. Idempotent: plans are upserted by slug, so running it again
 * restores these values and creates nothing twice. Run with `npm run db:seed`.
 * Prices are integer cents (USD).
 */
import type { Prisma, PrismaClient } from "../src/generated/prisma/client";

type PlanSeed = Omit<Prisma.PlanCreateInput, "id" | "createdAt" | "updatedAt">;

export const PLAN_CATALOGUE: readonly PlanSeed[] = [
  {
    slug: "free",
    name: "Free",
    description: "For trying things out on your own.",
    monthlyPriceCents: 0,
    yearlyPriceCents: null,
    maxProjects: 3,
    maxMembers: 1,
    features: ["Community support", "Activity log for 7 days"],
    sortOrder: 0,
  },
  {
    slug: "pro",
    name: "Pro",
    description: "For professionals shipping real products.",
    monthlyPriceCents: 1900,
    yearlyPriceCents: 19000,
    maxProjects: 50,
    maxMembers: 5,
    features: ["Email support", "Activity log for 90 days", "CSV exports"],
    highlighted: true,
    sortOrder: 1,
  },
  {
    slug: "team",
    name: "Team",
    description: "For teams that work together, billed per seat.",
    monthlyPriceCents: 1200,
    yearlyPriceCents: 12000,
    perSeat: true,
    maxProjects: null,
    maxMembers: null,
    features: [
      "Priority support",
      "Unlimited activity log",
      "CSV exports",
      "Roles and permissions",
    ],
    sortOrder: 2,
  },
];

/** Upserts the plan catalogue in one transaction; returns how many plans it wrote. */
export async function seed(db: PrismaClient): Promise<number> {
  await db.$transaction(
    PLAN_CATALOGUE.map((plan) =>
      db.plan.upsert({ where: { slug: plan.slug }, create: plan, update: plan }),
    ),
  );
  return PLAN_CATALOGUE.length;
}
