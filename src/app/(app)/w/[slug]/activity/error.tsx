"use client";
import { useQueryErrorResetBoundary } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

/**
 * The activity page's error boundary. "Try again" clears the failed queries (so they refetch
 * rather than rethrow their cached error), re-runs the server part of the page and re-renders it.
 */
export default function ActivityError({ reset }: { error: Error; reset: () => void }) {
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
      className="space-y-4 rounded-xl border border-zinc-200 p-6 text-center dark:border-zinc-800"
    >
      <h2 className="text-lg font-semibold">The activity log could not load</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Something went wrong on our side. Please try again in a moment.
      </p>
      <button
        type="button"
        onClick={retry}
        disabled={retrying}
        aria-busy={retrying || undefined}
        className="min-h-10 rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:bg-indigo-400 dark:disabled:bg-indigo-800"
      >
        {retrying ? "Trying again…" : "Try again"}
      </button>
    </div>
  );
}
