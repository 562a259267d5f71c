"use client";
import { SegmentError } from "@/components/feedback/segment-error";

export default function WorkspaceError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <SegmentError error={error} reset={reset} what="this workspace page" />;
}
