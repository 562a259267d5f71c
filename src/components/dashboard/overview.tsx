"use client";
/**
 * /w/[slug]: the workspace dashboard. KPIs (projects and members against the plan's limits, the
 * plan and its renewal, this month's activity), activity per day, and the recent activity.
 * Everything comes from `dashboard.overview`, prefetched on the server.
 */
import { useSuspenseQuery } from "@tanstack/react-query";
import type { Route } from "next";
import type { ReactNode } from "react";
import { ActivityText } from "@/components/activity/activity-text";
import { ActivityChart } from "@/components/dashboard/activity-chart";
import { countOf } from "@/components/format/plural";
import { DateText } from "@/components/ui/date-text";
import { EmptyState } from "@/components/ui/empty-state";
import { RoleBadge } from "@/components/workspace/roles";
import { IntentLink } from "@/components/ui/intent-link";
import { textLinkClass } from "@/components/ui/link";
import { allows } from "@/schemas/permissions";
import { useTRPC } from "@/trpc/client";

function Kpi({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <dt className="text-sm text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

function Limit({ used, limit }: { used: number; limit: number | null }) {
  return (
    <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">
      {" "}
      / {limit ?? "∞"}
      <span className="sr-only">{limit === null ? " (unlimited)" : ` (limit ${limit})`}</span>
      {limit !== null && used >= limit && (
        <span className="ml-1 text-amber-700 dark:text-amber-400">
          · {used > limit ? `${used - limit} over limit` : "at limit"}
        </span>
      )}
    </span>
  );
}

export function WorkspaceOverview({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { data: workspace } = useSuspenseQuery(
    trpc.workspace.get.queryOptions({ workspaceSlug: slug }),
  );
  const { data: overview } = useSuspenseQuery(
    trpc.dashboard.overview.queryOptions({ workspaceSlug: slug }),
  );
  const { plan, projects, members } = overview;
  const base = `/w/${slug}`;
  return (
    <div className="space-y-8">
      <h2 className="sr-only">Overview</h2>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Kpi label="Projects">
          <span data-testid="overview-project-count">{projects.used}</span>
          <Limit used={projects.used} limit={projects.limit} />
        </Kpi>
        <Kpi label="Members">
          <span data-testid="overview-member-count">{members.used}</span>
          <Limit used={members.used + members.invitations} limit={members.limit} />
          {members.seats !== null && (
            <p className="text-xs font-normal text-zinc-600 dark:text-zinc-400">
              {countOf(members.seats, "seat", "seats")} billed
            </p>
          )}
        </Kpi>
        <Kpi label="Plan" testId="overview-plan">
          {plan.name}
          <p className="text-xs font-normal text-zinc-600 dark:text-zinc-400">
            {plan.renewsAt ? (
              <>
                Renews <DateText date={plan.renewsAt} />
              </>
            ) : plan.cancelsAt ? (
              <>
                Ends <DateText date={plan.cancelsAt} />
              </>
            ) : allows(workspace, "billing:manage") ? (
              <IntentLink href={`${base}/billing` as Route} className={textLinkClass}>
                Upgrade
              </IntentLink>
            ) : (
              "Free forever"
            )}
          </p>
        </Kpi>
        <Kpi label="Activity this month" testId="overview-activity-month">
          {overview.activityThisMonth}
        </Kpi>
      </dl>
      <div className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
        Your role:{" "}
        <span data-testid="overview-role">
          <RoleBadge role={workspace.role} />
        </span>
      </div>
      <section
        aria-labelledby="chart-heading"
        className="space-y-3 rounded-xl border border-zinc-200 p-5 dark:border-zinc-800"
      >
        <h3 id="chart-heading" className="font-semibold">
          Activity, last {countOf(overview.activityByDay.length, "day", "days")}
        </h3>
        <ActivityChart data={overview.activityByDay} />
      </section>
      <section aria-labelledby="recent-heading" className="space-y-3">
        <div className="flex items-center justify-between">
          <h3 id="recent-heading" className="font-semibold">
            Recent activity
          </h3>
          {/* Prefetched on intent: the sidebar already links there (one render per page view). */}
          <IntentLink href={`${base}/activity` as Route} className={`text-sm ${textLinkClass}`}>
            See all
          </IntentLink>
        </div>
        {overview.recent.length === 0 ? (
          <EmptyState>Nothing has happened here yet.</EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {overview.recent.map((entry) => (
              <li key={entry.id} className="flex flex-wrap justify-between gap-2 px-4 py-3 text-sm">
                <span className="min-w-0 wrap-anywhere">
                  <ActivityText entry={entry} />
                </span>
                <span className="text-zinc-500 dark:text-zinc-400">
                  <DateText date={entry.createdAt} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
