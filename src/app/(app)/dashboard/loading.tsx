import { ListSkeleton } from "@/components/workspace/shared";

export default function DashboardLoading() {
  return <ListSkeleton label="Loading your dashboard" rows={3} />;
}
