"use client";
import { SegmentError } from "@/components/feedback/segment-error";

export default function ActivityError({ reset }: { error: Error; reset: () => void }) {
  return <SegmentError reset={reset} what="the activity log" />;
}
