/**
 * The public plan catalogue (landing and pricing pages). Prices are integer cents.
 */
import "server-only";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

/** The columns a visitor may see. */
const publicFields = {
  slug: true,
  name: true,
  description: true,
  monthlyPriceCents: true,
  yearlyPriceCents: true,
  currency: true,
  perSeat: true,
  maxProjects: true,
  maxMembers: true,
  features: true,
  highlighted: true,
} as const;

/** Every plan, in display order (`sortOrder`, then name). */
export function listPlans() {
  return db.plan.findMany({
    select: publicFields,
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
}

/**
 * One plan by its slug.
 * @throws DomainError NOT_FOUND when no plan has that slug.
 */
export async function getPlanBySlug(slug: string) {
  const plan = await db.plan.findUnique({ where: { slug }, select: publicFields });
  if (!plan) throw new DomainError("NOT_FOUND", `No plan is called "${slug}".`);
  return plan;
}
