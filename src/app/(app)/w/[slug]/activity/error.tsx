"use client";
import { SegmentError } from "@/components/feedback/segment-error";

export default function ActivityError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <SegmentError error={error} reset={reset} what="the activity log" />;
}
