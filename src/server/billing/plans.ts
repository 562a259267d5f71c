/**
 * The plans, in code: what each costs and what it entitles a workspace to. The single source of
 * truth for entitlements (src/server/billing/entitlements.ts), for the public catalogue the pricing
 * pages and the billing page show (`plan.list`, with each limit stated once, from the
 * entitlements), for the prices `npm run stripe:setup` creates in a Stripe account, and for the
 * prices the local Stripe emulator serves. No table copies it.
 *
 * Prices are integer cents of `currency` (ISO 4217, lower case, as Stripe uses). Which Stripe price
 * id sells which plan comes from the environment (`STRIPE_PRICE_*`, src/server/billing/prices.ts);
 * the emulator's ids are the defaults, so a fresh clone needs none.
 *
 * No `server-only` here: the seed and the emulator (plain Node scripts) import it too, and nothing
 * in it is secret.
 */
import { formatBytes } from "@/schemas/upload";

export type PlanSlug = "free" | "pro" | "team";
export type BillingInterval = "month" | "year";

/** What a workspace may use. `null` means unlimited. */
export interface Entitlements {
  /** Most projects a workspace may hold. */
  maxProjects: number | null;
  /** Most members plus pending invitations. On per-seat plans, seats are bought per member. */
  maxMembers: number | null;
  /** Days of activity log kept visible. */
  activityLogDays: number | null;
  /** CSV exports of projects and activity. */
  csvExport: boolean;
  /** Most bytes of files (logo, imports) a workspace may keep in object storage. */
  storageBytes: number | null;
}

const MB = 1024 * 1024;
const GB = 1024 * MB;

export interface PlanDefinition {
  slug: PlanSlug;
  name: string;
  description: string;
  /** Cents per month (per seat when `perSeat`). 0 for Free. */
  monthlyPriceCents: number;
  /** Cents per year (per seat when `perSeat`); null when there is no yearly price. */
  yearlyPriceCents: number | null;
  currency: string;
  /** True when Stripe bills the subscription's quantity: one seat per member. */
  perSeat: boolean;
  entitlements: Entitlements;
  /** The plan the pricing page recommends. */
  highlighted: boolean;
}

export const PLANS: Readonly<Record<PlanSlug, PlanDefinition>> = {
  free: {
    slug: "free",
    name: "Free",
    description: "For trying things out with a small team.",
    monthlyPriceCents: 0,
    yearlyPriceCents: null,
    currency: "usd",
    perSeat: false,
    entitlements: {
      maxProjects: 3,
      maxMembers: 3,
      activityLogDays: 7,
      csvExport: false,
      storageBytes: 100 * MB,
    },
    highlighted: false,
  },
  pro: {
    slug: "pro",
    name: "Pro",
    description: "For professionals shipping real products.",
    monthlyPriceCents: 1900,
    yearlyPriceCents: 19000,
    currency: "usd",
    perSeat: false,
    entitlements: {
      maxProjects: 50,
      maxMembers: 10,
      activityLogDays: 90,
      csvExport: true,
      storageBytes: 10 * GB,
    },
    highlighted: true,
  },
  team: {
    slug: "team",
    name: "Team",
    description: "For teams that work together, billed per seat.",
    monthlyPriceCents: 1200,
    yearlyPriceCents: 12000,
    currency: "usd",
    perSeat: true,
    entitlements: {
      maxProjects: null,
      maxMembers: null,
      activityLogDays: null,
      csvExport: true,
      storageBytes: 100 * GB,
    },
    highlighted: false,
  },
};

/** Plans in display order. */
export const PLAN_LIST: readonly PlanDefinition[] = [PLANS.free, PLANS.pro, PLANS.team];

/** A plan's display name from its slug ("Pro" for "pro"); an unknown slug (an old row) as is. */
export function planDisplayName(slug: string): string {
  return slug in PLANS ? PLANS[slug as PlanSlug].name : slug;
}

/** "Up to 3 projects", "Up to 1 member", "Unlimited members" (`null` is unlimited). */
function limitText(limit: number | null, singular: string, plural: string): string {
  if (limit === null) return `Unlimited ${plural}`;
  return `Up to ${limit} ${limit === 1 ? singular : plural}`;
}

/**
 * What a plan includes, in words, derived from its entitlements (so a limit is never stated
 * twice, or differently from what is enforced): `limits` are the counted ones (projects, members, storage),
 * `features` the rest (activity log, CSV exports).
 */
export function describeEntitlements(entitlements: Entitlements): {
  limits: string[];
  features: string[];
} {
  const days = entitlements.activityLogDays;
  return {
    limits: [
      limitText(entitlements.maxProjects, "project", "projects"),
      limitText(entitlements.maxMembers, "member", "members"),
      entitlements.storageBytes === null
        ? "Unlimited file storage"
        : `${formatBytes(entitlements.storageBytes)} of file storage`,
    ],
    features: [
      days === null ? "Unlimited activity log" : `Activity log for ${days} days`,
      ...(entitlements.csvExport ? ["CSV exports"] : []),
    ],
  };
}

export type PriceEnvVar =
  | "STRIPE_PRICE_PRO_MONTHLY"
  | "STRIPE_PRICE_PRO_YEARLY"
  | "STRIPE_PRICE_TEAM_MONTHLY"
  | "STRIPE_PRICE_TEAM_YEARLY";

/** One sellable Stripe price of a paid plan. */
export interface PriceDefinition {
  plan: Exclude<PlanSlug, "free">;
  interval: BillingInterval;
  /** Cents per interval (per seat on per-seat plans). */
  unitAmount: number;
  currency: string;
  /** Stripe `lookup_key`: how `stripe:setup` finds a price it created before. */
  lookupKey: string;
  /** The price id the local emulator uses, and the default of its `STRIPE_PRICE_*` variable. */
  emulatorId: string;
  /** The environment variable holding the real price id (src/env.ts). */
  envVar: PriceEnvVar;
}

/** Every paid price: Pro and Team, monthly and yearly. */
export const PRICE_CATALOGUE: readonly PriceDefinition[] = PLAN_LIST.flatMap((plan) => {
  if (plan.slug === "free") return [];
  const slug = plan.slug;
  const amounts: [BillingInterval, number | null][] = [
    ["month", plan.monthlyPriceCents],
    ["year", plan.yearlyPriceCents],
  ];
  return amounts.flatMap(([interval, unitAmount]) => {
    if (unitAmount === null) return [];
    const key = `${slug}_${interval === "month" ? "monthly" : "yearly"}`;
    return [
      {
        plan: slug,
        interval,
        unitAmount,
        currency: plan.currency,
        lookupKey: key,
        emulatorId: `price_${key}`,
        envVar: `STRIPE_PRICE_${key.toUpperCase()}` as PriceEnvVar,
      },
    ];
  });
});
