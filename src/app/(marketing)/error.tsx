"use client";
import { SegmentError } from "@/components/feedback/segment-error";

export default function MarketingError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="py-16">
      <SegmentError error={error} reset={reset} what="this page" />
    </div>
  );
}
