/**
 * Dates and times as text, in UTC, so the server's render and the browser's hydration agree
 * whatever the browser's time zone.
 */
const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

const timeFormat = new Intl.DateTimeFormat("en", {
  dateStyle: "medium",
  timeStyle: "short",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** "Mar 4, 2026" (UTC). */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** A <time> showing {@link formatDate}; the full UTC time as its title. */
export function DateText({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} title={date.toUTCString()}>
      {formatDate(date)}
    </time>
  );
}

/** "Mar 4, 2026, 14:05 UTC" in a <time>; a dash when there is no date. */
export function TimeText({ date }: { date: Date | null | undefined }) {
  if (!date) return <span className="text-zinc-500">—</span>;
  return (
    <time dateTime={date.toISOString()} title={date.toUTCString()}>
      {timeFormat.format(date)} UTC
    </time>
  );
}
