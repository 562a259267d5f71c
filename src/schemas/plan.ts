import { z } from "zod";

/** A plan's slug: lower-case letters, digits and dashes, 1 to 40 characters. */
export const planSlugSchema = z
  .string()
  .trim()
  .min(1, "Slug is required.")
  .max(40, "Slug is at most 40 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Slug uses lower-case letters, digits and single dashes.");

/** Input of `plan.bySlug`. */
export const planBySlugInput = z.object({ slug: planSlugSchema });
