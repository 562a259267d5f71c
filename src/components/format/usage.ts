/**
 * Usage against a plan's limit in words, for every page that states it (projects, billing,
 * overview): within the limit "2 of 3 projects used on the Free plan"; over it (after a
 * downgrade) "40 projects, 37 over the Free limit of 3"; unlimited "12 projects (unlimited on
 * Team)".
 */
import { countOf } from "@/components/format/plural";
import { formatBytes } from "@/schemas/upload";

export interface UsageNoun {
  one: string;
  other: string;
}

/** `used` (a count) against `limit` (null = unlimited) of plan `planName`, in words. */
export function usageText(
  used: number,
  limit: number | null,
  noun: UsageNoun,
  planName: string,
): string {
  if (limit === null) return `${countOf(used, noun.one, noun.other)} (unlimited on ${planName})`;
  if (used > limit) {
    return `${countOf(used, noun.one, noun.other)}, ${used - limit} over the ${planName} limit of ${limit}`;
  }
  return `${used} of ${countOf(limit, noun.one, noun.other)} used on the ${planName} plan`;
}

/** True when `used` exceeds `limit` (null = unlimited never does). */
export const isOverLimit = (used: number, limit: number | null) => limit !== null && used > limit;

/**
 * Bytes stored against a plan's `storageBytes` (null = unlimited), in words: "1.2 MB of 100 MB
 * used on the Free plan", "120 MB, 20 MB over the Free limit of 100 MB", "3 GB (unlimited on Team)".
 */
export function storageUsageText(used: number, limit: number | null, planName: string): string {
  if (limit === null) return `${formatBytes(used)} (unlimited on ${planName})`;
  if (used > limit) {
    return `${formatBytes(used)}, ${formatBytes(used - limit)} over the ${planName} limit of ${formatBytes(limit)}`;
  }
  return `${formatBytes(used)} of ${formatBytes(limit)} used on the ${planName} plan`;
}
