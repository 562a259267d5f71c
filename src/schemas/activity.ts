/**
 * Inputs of the activity log procedures, shared with the log's filter controls and its URL
 * (`?actorId=…&action=…&from=YYYY-MM-DD&to=YYYY-MM-DD`).
 */
import * as z from "zod/mini";
import "@/schemas/locale";
import { paramOf, queryString, type SearchParamsInput } from "@/schemas/search-params";
import { infiniteDirection, workspaceInput } from "@/schemas/workspace";

/** Most entries one page may hold. */
export const ACTIVITY_PAGE_MAX = 100;

/** A day as `YYYY-MM-DD` that exists in the calendar (2026-02-30 does not). */
function isoDay(label: string) {
  return z.string().check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date as YYYY-MM-DD.`),
    z.refine((day: string) => {
      // Runs even when the regex failed (zod checks do not abort): never let toISOString throw.
      const date = new Date(`${day}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
    }, `${label} must be a real calendar date.`),
  );
}

/** The filters, each optional; every one also narrows the URL of the log. */
export const activityFilterFields = {
  actorId: z
    .string()
    .check(
      z.minLength(1, "Actor is required."),
      z.maxLength(64, "Actor is at most 64 characters."),
    ),
  action: z
    .string()
    .check(
      z.maxLength(64, "Action is at most 64 characters."),
      z.regex(
        /^[a-z_]+\.[a-z_]+$/,
        'Action must be a dotted name of lower-case letters and underscores, e.g. "project.created".',
      ),
    ),
  from: isoDay("From"),
  to: isoDay("To"),
} as const;

export type ActivityFilterKey = keyof typeof activityFilterFields;
export const activityFilterKeys = Object.keys(activityFilterFields) as ActivityFilterKey[];

/** The log's filters: `from` and `to` are inclusive days in UTC. */
export type ActivityFilters = Partial<Record<ActivityFilterKey, string>>;

/**
 * One page of the log. `from` after `to` is an error on `to`. `cursor` is the `nextCursor` of
 * the previous page (opaque); `limit` is 1-100, 25 by default.
 */
export const listActivityInput = z
  .extend(workspaceInput, {
    actorId: z.optional(activityFilterFields.actorId),
    action: z.optional(activityFilterFields.action),
    from: z.optional(activityFilterFields.from),
    to: z.optional(activityFilterFields.to),
    cursor: z.nullish(z.string().check(z.maxLength(200, "This page link is invalid."))),
    direction: infiniteDirection,
    limit: z._default(
      z
        .number({ error: "Limit must be a number." })
        .check(
          z.int("Limit must be a whole number."),
          z.gte(1, "Limit is at least 1."),
          z.lte(ACTIVITY_PAGE_MAX, `Limit is at most ${ACTIVITY_PAGE_MAX}.`),
        ),
      25,
    ),
  })
  .check(
    z.superRefine((input, ctx) => {
      // ISO days compare correctly as strings.
      if (input.from && input.to && input.from > input.to) {
        ctx.addIssue({ code: "custom", path: ["to"], message: "To must be on or after From." });
      }
    }),
  );
export type ListActivityInput = z.input<typeof listActivityInput>;

/**
 * The filters of a URL's query (a page's `searchParams`, or URLSearchParams): each valid one
 * kept, each missing or invalid one left out (so a mangled link shows more, never an error);
 * `from` after `to` drops both dates.
 */
export function activityFiltersFromParams(params: SearchParamsInput): ActivityFilters {
  const filters: ActivityFilters = {};
  for (const key of activityFilterKeys) {
    const value = paramOf(params, key);
    if (!value) continue;
    const parsed = activityFilterFields[key].safeParse(value);
    if (parsed.success) filters[key] = parsed.data;
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    delete filters.from;
    delete filters.to;
  }
  return filters;
}

/** The query string of `filters`, in a stable key order: "?actorId=…", or "" when none. */
export function activityFiltersToQuery(filters: ActivityFilters): string {
  return queryString(Object.fromEntries(activityFilterKeys.map((key) => [key, filters[key]])));
}
