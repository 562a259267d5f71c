"use client";
/**
 * The body of an `error.tsx` boundary: what happened, and a way to retry the segment.
 *
 * "Try again" clears the failed TanStack queries (so they refetch instead of rethrowing their
 * cached error), re-runs the server components of the route (`router.refresh()`) and re-renders
 * the boundary's children, in one transition: after an outage (say the database came back) the
 * page recovers without a full reload.
 */
import { useQueryErrorResetBoundary } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { reportClientError } from "@/error-reporting/client";

/**
 * `error`: what the boundary caught, reported once (src/error-reporting/client.ts); its `digest`
 * (a server error's, the same in the server's report) is shown as a reference for support.
 * `reset`: the boundary's own; `what`: what failed to load, as in "We could not load {what}".
 */
export function SegmentError({
  error,
  reset,
  what,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  what: string;
}) {
  useEffect(() => {
    reportClientError(error, { boundary: what });
  }, [error, what]);
  const router = useRouter();
  const { reset: resetQueries } = useQueryErrorResetBoundary();
  const [retrying, startTransition] = useTransition();
  function retry() {
    startTransition(() => {
      resetQueries();
      router.refresh();
      reset();
    });
  }
  return (
    <div
      role="alert"
      className="mx-auto max-w-md space-y-4 rounded-xl border border-red-200 p-6 text-center dark:border-red-900"
    >
      <h2 className="text-lg font-semibold">We could not load {what}</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Something went wrong on our side, or the connection dropped. Your data is safe.
      </p>
      {error.digest ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Reference: <code className="font-mono">{error.digest}</code>
        </p>
      ) : null}
      <Button onClick={retry} disabled={retrying} aria-busy={retrying || undefined}>
        {retrying ? "Trying again…" : "Try again"}
      </Button>
    </div>
  );
}
