/**
 * `billing-reconcile`, daily at 03:00 UTC: re-syncs every workspace's subscription from Stripe,
 * catching any webhook that never arrived. The output lists the customers that failed.
 */
import "server-only";
import { z } from "zod";
import { reconcileAll } from "@/server/billing/sync";
import { defineJob } from "./types";

export const billingReconcileJob = defineJob({
  name: "billing-reconcile",
  schema: z.object({}).loose(),
  cron: "0 3 * * *",
  queue: { retryLimit: 2, retryDelay: 300, expireInSeconds: 1800 },
  async handle() {
    const result = await reconcileAll();
    if (result.failed.length > 0) {
      throw new Error(
        `${result.failed.length} customer(s) could not be synced: ${result.failed.map((f) => f.customerId).join(", ")}`,
      );
    }
    return result;
  },
});
