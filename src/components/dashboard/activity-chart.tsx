"use client";
/**
 * Activity per day over the last days the plan shows (at most 30), as a bar chart with a text alternative. The bars
 * (recharts, the largest library of the app) load after the page, in a placeholder of their size.
 */
import dynamic from "next/dynamic";
import { dayLabel as label } from "@/components/dashboard/day-label";
import { countOf } from "@/components/format/plural";

const ActivityBars = dynamic(() => import("@/components/dashboard/activity-bars"), {
  ssr: false,
  loading: () => (
    <div className="size-full animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-900" />
  ),
});

export function ActivityChart({ data }: { data: { day: string; count: number }[] }) {
  const total = data.reduce((sum, d) => sum + d.count, 0);
  const busiest = data.reduce((best, d) => (d.count > best.count ? d : best), data[0]!);
  return (
    <figure className="space-y-2" data-testid="activity-chart">
      <div className="h-56 w-full text-indigo-600 dark:text-indigo-400" aria-hidden>
        <ActivityBars data={data} />
      </div>
      <figcaption className="text-sm text-zinc-600 dark:text-zinc-400">
        {countOf(total, "event", "events")} in the last {countOf(data.length, "day", "days")}
        {total > 0 && `, busiest on ${label(busiest.day)} (${busiest.count})`}.
      </figcaption>
    </figure>
  );
}
