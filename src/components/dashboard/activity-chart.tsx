"use client";
/** Activity per day over the last 30 days, as a bar chart (recharts), with a text alternative. */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const dayLabel = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const label = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`));

export function ActivityChart({ data }: { data: { day: string; count: number }[] }) {
  const total = data.reduce((sum, d) => sum + d.count, 0);
  const busiest = data.reduce((best, d) => (d.count > best.count ? d : best), data[0]!);
  return (
    <figure className="space-y-2" data-testid="activity-chart">
      <div className="h-56 w-full text-indigo-600 dark:text-indigo-400" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          {/* Hidden from assistive tech (the caption says it in words): nothing in it takes focus. */}
          <BarChart
            data={data}
            margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
            accessibilityLayer={false}
          >
            <CartesianGrid vertical={false} strokeOpacity={0.15} />
            <XAxis
              dataKey="day"
              tickFormatter={label}
              tickLine={false}
              axisLine={false}
              interval="preserveStartEnd"
              minTickGap={24}
              fontSize={12}
              stroke="currentColor"
              strokeOpacity={0.6}
            />
            <YAxis
              allowDecimals={false}
              tickLine={false}
              axisLine={false}
              fontSize={12}
              stroke="currentColor"
              strokeOpacity={0.6}
            />
            <Tooltip
              cursor={{ fillOpacity: 0.08 }}
              labelFormatter={(day) => label(String(day))}
              formatter={(value) => [value, "Events"]}
              contentStyle={{ borderRadius: 8, fontSize: 12 }}
            />
            <Bar
              dataKey="count"
              fill="currentColor"
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-sm text-zinc-600 dark:text-zinc-400">
        {total} events in the last {data.length} days
        {total > 0 && `, busiest on ${label(busiest.day)} (${busiest.count})`}.
      </figcaption>
    </figure>
  );
}
