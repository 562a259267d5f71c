"use client";
/**
 * The signed-in user's sessions (`session.list`, prefetched by the settings page): one row per
 * device, "This device" on the current one, Revoke on the others.
 */
import { countOf } from "@/components/format/plural";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { toast } from "@/components/toast";
import { errorMessage } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import type { RouterOutputs } from "@/trpc/types";
import { useTRPC } from "@/trpc/client";

type Session = RouterOutputs["session"]["list"][number];

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "just now", "5 minutes ago", "yesterday"… */
function relativeTime(date: Date, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(seconds) < 60) return "just now";
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

function deviceLabel(session: Session): string {
  const browser = session.browser ?? "Unknown browser";
  const os = session.os ? ` on ${session.os}` : "";
  return `${browser}${os}`;
}

function SessionRow({ session }: { session: Session }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revoke = useMutation(
    trpc.session.revoke.mutationOptions({
      onSuccess: () => {
        toast.success("Session revoked: that device is signed out.");
        return queryClient.invalidateQueries({ queryKey: trpc.session.list.queryKey() });
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const label = deviceLabel(session);
  return (
    <li
      data-testid="session-row"
      className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="min-w-0 space-y-1">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          <span className="min-w-0 wrap-anywhere">{label}</span>
          {session.device && (
            <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">
              ({session.device})
            </span>
          )}
          {session.current && (
            <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
              This device
            </span>
          )}
        </p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {session.ipAddress ?? "Unknown IP"} · Last active{" "}
          <time
            dateTime={session.lastSeenAt.toISOString()}
            title={session.lastSeenAt.toUTCString()}
            suppressHydrationWarning
          >
            {relativeTime(session.lastSeenAt)}
          </time>
          {" · "}Signed in{" "}
          <time
            dateTime={session.createdAt.toISOString()}
            title={session.createdAt.toUTCString()}
            suppressHydrationWarning
          >
            {relativeTime(session.createdAt)}
          </time>
        </p>
      </div>
      {!session.current && (
        <Button
          variant="secondary"
          className="shrink-0 self-start sm:self-auto"
          aria-label={`Revoke ${label}`}
          pending={revoke.isPending}
          pendingText="Revoking…"
          onClick={() => revoke.mutate({ sessionId: session.id })}
        >
          Revoke
        </Button>
      )}
    </li>
  );
}

export function SessionList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: sessions } = useSuspenseQuery(trpc.session.list.queryOptions());
  const revokeOthers = useMutation(
    trpc.session.revokeOthers.mutationOptions({
      onSuccess: ({ revoked }) => {
        toast.success(
          revoked === 0
            ? "No other devices were signed in."
            : `Signed out of ${countOf(revoked, "other device", "other devices")}.`,
        );
        return queryClient.invalidateQueries({ queryKey: trpc.session.list.queryKey() });
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Sessions">
        {sessions.map((session) => (
          <SessionRow key={session.id} session={session} />
        ))}
      </ul>
      {others > 0 && (
        <Button
          variant="secondary"
          pending={revokeOthers.isPending}
          pendingText="Signing out…"
          onClick={() => revokeOthers.mutate()}
        >
          Sign out of all other devices
        </Button>
      )}
    </div>
  );
}

export function SessionListSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading sessions" className="space-y-3">
      {[0, 1].map((i) => (
        <div key={i} className="h-14 animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-900" />
      ))}
    </div>
  );
}
