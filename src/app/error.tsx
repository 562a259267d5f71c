"use client";
import { SegmentError } from "@/components/feedback/segment-error";

/**
 * The boundary for errors no segment caught, such as a route group's layout failing to read the
 * session while the database is down. The root layout still renders (the theme provider and the
 * toaster live in the group layouts, so this page follows the light theme).
 */
export default function RootError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center p-6">
      <SegmentError error={error} reset={reset} what="this page" />
    </main>
  );
}
