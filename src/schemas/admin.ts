/**
 * Inputs of the admin console's procedures (`/admin`, staff only). Every error names its field
 * and the rule; page sizes are 1-100; cursors are opaque (the `nextCursor` of the previous page).
 */
import * as z from "zod/mini";
import "@/schemas/locale";
import { adminJobStates, adminStripeEventStatuses } from "@/schemas/constants";
import { infiniteDirection } from "@/schemas/workspace";

export {
  adminJobStates,
  adminStripeEventStatuses,
  type AdminJobState,
  type AdminStripeEventStatus,
} from "@/schemas/constants";

/** Most rows one page may hold. */
export const ADMIN_PAGE_MAX = 100;

const limit = (fallback: number) =>
  z._default(
    z
      .number({ error: "Limit must be a number." })
      .check(
        z.int("Limit must be a whole number."),
        z.gte(1, "Limit is at least 1."),
        z.lte(ADMIN_PAGE_MAX, `Limit is at most ${ADMIN_PAGE_MAX}.`),
      ),
    fallback,
  );

const cursor = z.nullish(z.string().check(z.maxLength(300, "Cursor is at most 300 characters.")));

const search = z.optional(
  z.string().check(z.trim(), z.maxLength(100, "Search is at most 100 characters.")),
);

const id = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .check(
      z.minLength(1, `${label} is required.`),
      z.maxLength(64, `${label} is at most 64 characters.`),
    );

export const adminUserIdInput = z.strictObject({ userId: id("User") });
export const adminWorkspaceIdInput = z.strictObject({ workspaceId: id("Workspace") });

/** Users whose email or name contains `q` (case-insensitive, literally: no wildcards). */
export const adminSearchUsersInput = z.strictObject({
  q: search,
  cursor,
  direction: infiniteDirection,
  limit: limit(25),
});
export type AdminSearchUsersInput = z.input<typeof adminSearchUsersInput>;

/** Workspaces whose name or slug contains `q` (case-insensitive, literally). */
export const adminSearchWorkspacesInput = adminSearchUsersInput;
export type AdminSearchWorkspacesInput = z.input<typeof adminSearchWorkspacesInput>;

const stripeEventId = z
  .string({ error: "Event is required." })
  .check(z.regex(/^evt_[A-Za-z0-9_]{1,250}$/, "Event must be a Stripe event id (evt_…)."));

export const adminStripeEventIdInput = z.strictObject({ eventId: stripeEventId });

export const adminListStripeEventsInput = z.strictObject({
  status: z.optional(
    z.enum(adminStripeEventStatuses, {
      error: "Status must be received, processing, processed, failed or ignored.",
    }),
  ),
  cursor,
  direction: infiniteDirection,
  limit: limit(25),
});
export type AdminListStripeEventsInput = z.input<typeof adminListStripeEventsInput>;

/** A pg-boss queue name (the keys of `src/server/jobs/index.ts`; checked by the service). */
const queueName = z
  .string({ error: "Queue is required." })
  .check(z.regex(/^[a-z0-9][a-z0-9-]{0,49}$/, "Queue must be a queue name such as send-email."));

export const adminListJobsInput = z.strictObject({
  queue: z.optional(queueName),
  state: z.optional(
    z.enum(adminJobStates, {
      error: "State must be failed, retry, active, created or completed.",
    }),
  ),
});
export type AdminListJobsInput = z.input<typeof adminListJobsInput>;

export const adminRetryJobInput = z.strictObject({
  queue: queueName,
  jobId: z.uuid({ error: "Job must be a job id (a UUID)." }),
});

export const adminListAuditLogInput = z.strictObject({
  workspaceId: z.optional(id("Workspace")),
  actorId: z.optional(id("Actor")),
  action: z.optional(
    z
      .string()
      .check(
        z.maxLength(64, "Action is at most 64 characters."),
        z.regex(
          /^[a-z_]+\.[a-z_]+$/,
          'Action must be a dotted name of lower-case letters and underscores, e.g. "admin.user_disabled".',
        ),
      ),
  ),
  cursor,
  direction: infiniteDirection,
  limit: limit(50),
});
export type AdminListAuditLogInput = z.input<typeof adminListAuditLogInput>;

const auditFilterKeys = ["workspaceId", "actorId", "action"] as const;

/** The audit log's filters, as kept in the URL (`?workspaceId=&actorId=&action=`). */
export type AuditFilters = Partial<Record<(typeof auditFilterKeys)[number], string>>;

/** The URL's valid audit filters (an invalid one is left out: a mangled link shows more). */
export function auditFiltersFrom(get: (key: string) => string | undefined): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of auditFilterKeys) {
    const value = get(key);
    if (!value) continue;
    const parsed = adminListAuditLogInput.shape[key].safeParse(value);
    if (parsed.success && parsed.data) filters[key] = parsed.data;
  }
  return filters;
}
