/**
 * Seed data, written by `npm run db:seed` (and `db:reset`, and `npm run dev` on a new embedded
 * database):
 * - the plan catalogue the marketing pages read, from the plans in code
 *   (src/server/billing/plans.ts), upserted by slug; prices are integer cents;
 * - a demo workspace for local development (prisma/demo.ts): "Acme Inc" (`acme-demo`) with four
 *   verified users (owner demo@example.com, password `demo-password-123`; the admin
 *   alex@example.com and the members mia@example.com and sam@example.com share it), 40 projects
 *   (mostly active, some paused, a few archived) and 90 days of activity in the audit log.
 * Idempotent: running it again restores these values and creates nothing twice (the demo users'
 * passwords are reset to the demo one; the demo workspace's projects and activity are re-created).
 */
import type { Prisma, PrismaClient } from "../src/generated/prisma/client";
import { PLAN_LIST } from "../src/server/billing/plans";
import { type DemoSummary, seedDemo } from "./demo";

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

/** What {@link seed} wrote: the number of plans, and the demo workspace and its login. */
export interface SeedSummary {
  plans: number;
  /** Null with NODE_ENV=production (no demo data there). */
  demo: DemoSummary | null;
}

/**
 * Upserts the plan catalogue (one transaction), then writes the demo workspace (another), except
 * with NODE_ENV=production: demo accounts have a known password. `now` anchors the demo's dates
 * (its last 90 days).
 */
export async function seed(db: PrismaClient, now = new Date()): Promise<SeedSummary> {
  await db.$transaction(
    PLAN_CATALOGUE.map((plan) =>
      db.plan.upsert({ where: { slug: plan.slug }, create: plan, update: plan }),
    ),
  );
  const demo = process.env.NODE_ENV === "production" ? null : await seedDemo(db, now);
  return { plans: PLAN_CATALOGUE.length, demo };
}
