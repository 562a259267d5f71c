import { ListSkeleton } from "@/components/ui/skeleton";

export default function DashboardLoading() {
  return <ListSkeleton label="Loading your dashboard" rows={3} />;
}
