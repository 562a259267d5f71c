/**
 * The workspace overview: KPIs, activity per day and the recent activity, in a fixed number of
 * SQL statements whatever the workspace's size (asserted by dashboard.test.ts, so an N+1 fails).
 */
import "server-only";
import { effectivePlan } from "@/server/billing/entitlements";
import { PLANS } from "@/server/billing/plans";
import { db } from "@/server/db";
import { listActivity } from "@/server/services/activity";
import { getWorkspaceUsage } from "@/server/billing/usage";
import type { WorkspaceScope } from "@/server/services/workspaces";

/**
 * The most days the activity chart shows, today included. A plan whose activity log keeps fewer
 * days (`activityLogDays`, Free: 7) shows that many: the chart never shows what the log hides.
 */
export const ACTIVITY_CHART_DAYS = 30;

/** Days the chart shows for a plan keeping `activityLogDays` days of activity (null = all). */
export const chartDays = (activityLogDays: number | null) =>
  Math.min(ACTIVITY_CHART_DAYS, activityLogDays ?? ACTIVITY_CHART_DAYS);
const DAY_MS = 86_400_000;

/** Midnight UTC of `date`. */
const startOfDay = (date: Date) => new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);

/**
 * The overview of the scope's workspace, as of `now`:
 * - `plan`: `{ slug, name }`, with `renewsAt` / `cancelsAt` (Date) when subscribed;
 * - `projects`: `{ used, limit }`; `members`: `{ used, invitations, limit, seats }` (limit null =
 *   unlimited; the plan's limit counts members plus pending invitations; on per-seat plans
 *   `seats` is the number paid for);
 * - `activityThisMonth`: audit entries since the 1st of the month (UTC);
 * - `activityByDay`: `{ day: "YYYY-MM-DD", count }` for each of the last {@link chartDays} days
 *   (UTC; 30, or fewer when the plan's activity log keeps fewer), zeros included, oldest first;
 * - `recent`: the 6 newest activity entries (see `listActivity`).
 */
export async function getOverview(scope: WorkspaceScope, now = new Date()) {
  const workspaceId = scope.workspace.id;
  const today = startOfDay(now);
  const chartStart = new Date(today.getTime() - (ACTIVITY_CHART_DAYS - 1) * DAY_MS);
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  // One read per day over the chart's window or the month, whichever starts first: this month's
  // total is the sum of its days (no count of its own).
  const readStart = new Date(Math.min(chartStart.getTime(), monthStart.getTime()));
  const [{ subscription, projects, members, invitations }, perDay, recent] = await Promise.all([
    // Shared with the checklist and the plan badge of the same page (one read per request).
    getWorkspaceUsage(scope),
    // "createdAt" is a UTC timestamp without time zone: truncated as is, whatever the
    // session's time zone.
    db.$queryRaw<{ day: Date; count: bigint }[]>`
      SELECT date_trunc('day', "createdAt") AS day, count(*) AS count
      FROM "AuditLog"
      WHERE "workspaceId" = ${workspaceId} AND "createdAt" >= ${readStart}
      GROUP BY 1`,
    listActivity(scope, { limit: 6 }, now),
  ]);
  const thisMonth = perDay.reduce(
    (sum, row) => (row.day.getTime() >= monthStart.getTime() ? sum + Number(row.count) : sum),
    0,
  );
  const slug = effectivePlan(subscription);
  const { entitlements, name } = PLANS[slug];
  const counts = new Map(perDay.map((row) => [startOfDay(row.day).getTime(), Number(row.count)]));
  // The query reads the longest window (it runs beside the plan's); the plan's window is its tail.
  const days = chartDays(entitlements.activityLogDays);
  const shownStart = today.getTime() - (days - 1) * DAY_MS;
  const activityByDay = Array.from({ length: days }, (_, i) => {
    const day = new Date(shownStart + i * DAY_MS);
    return { day: day.toISOString().slice(0, 10), count: counts.get(day.getTime()) ?? 0 };
  });
  const paid = slug !== "free" && subscription;
  return {
    plan: {
      slug,
      name,
      status: paid ? subscription.status : null,
      renewsAt: paid && !subscription.cancelAtPeriodEnd ? subscription.currentPeriodEnd : null,
      cancelsAt:
        paid && subscription.cancelAtPeriodEnd
          ? (subscription.cancelAt ?? subscription.currentPeriodEnd)
          : null,
    },
    projects: { used: projects, limit: entitlements.maxProjects },
    members: {
      used: members,
      invitations,
      limit: entitlements.maxMembers,
      seats: paid && PLANS[slug].perSeat ? subscription.quantity : null,
    },
    activityThisMonth: thisMonth,
    activityByDay,
    recent: recent.items,
  };
}
