import { planBySlugInput } from "@/schemas/plan";
import { createTRPCRouter, publicProcedure } from "@/server/api/init";
import { getPlanBySlug, listPlans } from "@/server/billing/catalogue";

/** The public plan catalogue. */
export const planRouter = createTRPCRouter({
  /** Every plan, in display order. */
  list: publicProcedure.query(() => listPlans()),
  /** One plan; NOT_FOUND for an unknown slug, BAD_REQUEST with field errors for a malformed one. */
  bySlug: publicProcedure.input(planBySlugInput).query(({ input }) => getPlanBySlug(input.slug)),
});
