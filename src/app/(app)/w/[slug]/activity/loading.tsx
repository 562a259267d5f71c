import { ActivityLogSkeleton } from "@/components/activity/activity-log";

export default function ActivityLoading() {
  return <ActivityLogSkeleton />;
}
