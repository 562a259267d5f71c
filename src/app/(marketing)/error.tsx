"use client";
import { SegmentError } from "@/components/feedback/segment-error";

export default function MarketingError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="py-16">
      <SegmentError reset={reset} what="this page" />
    </div>
  );
}
