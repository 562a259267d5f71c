const format = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });

/** "Nov 23" for the ISO day "2026-11-23", in UTC (the days of the activity chart are UTC days). */
export const dayLabel = (day: string) => format.format(new Date(`${day}T00:00:00Z`));
