"use client";
/**
 * The bars of the activity chart (recharts). Loaded on its own by `ActivityChart` (next/dynamic),
 * so recharts is not part of the overview's first-load JavaScript.
 */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { dayLabel as label } from "@/components/dashboard/day-label";

/** A bar per day (`day`: ISO date, UTC; `count`: events), filling its container. */
export default function ActivityBars({ data }: { data: { day: string; count: number }[] }) {
  return (
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
        <Bar dataKey="count" fill="currentColor" radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
