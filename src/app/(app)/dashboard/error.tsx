"use client";
import { SegmentError } from "@/components/feedback/segment-error";

export default function DashboardError({ reset }: { error: Error; reset: () => void }) {
  return <SegmentError reset={reset} what="your dashboard" />;
}
