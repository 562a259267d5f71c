/**
 * One activity entry in words, wherever entries are listed (activity log, overview): "Ada
 * created project Apollo", "Ada (deleted user) accepted an invitation", or, for a change no
 * member made, the summary followed by where it came from: "Changed the plan from Free to Pro
 * via Stripe portal".
 */
export interface ActivityTextEntry {
  actorLabel: string | null;
  viaLabel: string | null;
  summary: string;
}

export function ActivityText({ entry }: { entry: ActivityTextEntry }) {
  if (entry.actorLabel) {
    return (
      <>
        <span className="font-medium">{entry.actorLabel}</span> {entry.summary}
      </>
    );
  }
  const summary = entry.summary.charAt(0).toUpperCase() + entry.summary.slice(1);
  return (
    <>
      {summary} <span className="text-zinc-600 italic dark:text-zinc-400">{entry.viaLabel}</span>
    </>
  );
}
