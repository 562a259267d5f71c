/** A post's status as a badge; a scheduled post also shows when it goes public. */
import { Badge } from "@/components/ui/badge";
import { TimeText } from "@/components/ui/date-text";
import type { PostStatus } from "@/schemas/constants";

const tones = {
  draft: "neutral",
  scheduled: "amber",
  published: "emerald",
  archived: "neutral",
} as const;

export function PostStatusBadge({
  status,
  publishAt,
}: {
  status: PostStatus;
  publishAt: Date | null;
}) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <Badge tone={tones[status]}>{status[0]!.toUpperCase() + status.slice(1)}</Badge>
      {status === "scheduled" && publishAt && (
        <span className="text-xs text-zinc-600 dark:text-zinc-400">
          <TimeText date={publishAt} />
        </span>
      )}
    </span>
  );
}
