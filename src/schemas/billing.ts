/**
 * Inputs of the billing procedures, shared with the billing page.
 */
import * as z from "zod/mini";
import "@/schemas/locale";
import { workspaceInput } from "@/schemas/workspace";

export const paidPlans = ["pro", "team"] as const;
export const billingIntervals = ["month", "year"] as const;

export const createCheckoutSessionInput = z.extend(workspaceInput, {
  plan: z.enum(paidPlans, { error: "Plan must be pro or team." }),
  interval: z.enum(billingIntervals, { error: "Interval must be month or year." }),
});
