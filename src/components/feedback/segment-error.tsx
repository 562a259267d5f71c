"use client";
/** The body of an `error.tsx` boundary: what happened, and a way to retry the segment. */
import { Button } from "@/components/ui/button";

export function SegmentError({ reset, what }: { reset: () => void; what: string }) {
  return (
    <div
      role="alert"
      className="mx-auto max-w-md space-y-4 rounded-xl border border-red-200 p-6 text-center dark:border-red-900"
    >
      <h2 className="text-lg font-semibold">We could not load {what}</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Something went wrong on our side, or the connection dropped. Your data is safe.
      </p>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
