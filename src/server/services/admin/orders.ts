/**
 * The orders of the admin console's lists, for the keyset pagination every list shares
 * (src/server/pagination.ts): newest first, then by id.
 */
import type { KeysetOrder } from "@/server/pagination";

/** Users, workspaces and audit entries: newest created first. */
export const NEWEST_CREATED: KeysetOrder<"createdAt"> = {
  field: "createdAt",
  dir: "desc",
  type: "date",
};

/** Stripe events: newest received first. */
export const NEWEST_RECEIVED: KeysetOrder<"receivedAt"> = {
  field: "receivedAt",
  dir: "desc",
  type: "date",
};
