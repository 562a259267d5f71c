"use client";
import { SegmentError } from "@/components/feedback/segment-error";

export default function WorkspaceError({ reset }: { error: Error; reset: () => void }) {
  return <SegmentError reset={reset} what="this workspace page" />;
}
