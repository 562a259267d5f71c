import * as z from "zod/mini";
import "@/schemas/locale";

/** A plan's slug: lower-case letters, digits and dashes, 1 to 40 characters. */
export const planSlugSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, "Slug is required."),
    z.maxLength(40, "Slug is at most 40 characters."),
    z.regex(
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
      "Slug uses lower-case letters, digits and single dashes.",
    ),
  );

/** Input of `plan.bySlug`. */
export const planBySlugInput = z.object({ slug: planSlugSchema });
