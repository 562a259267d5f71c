"use client";
import { SegmentError } from "@/components/feedback/segment-error";

export default function AdminError({ reset }: { error: Error; reset: () => void }) {
  return <SegmentError reset={reset} what="this admin page" />;
}
