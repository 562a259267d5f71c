"use client";
import { SegmentError } from "@/components/feedback/segment-error";

export default function AdminError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <SegmentError error={error} reset={reset} what="this admin page" />;
}
