import { ListSkeleton } from "@/components/ui/skeleton";

export default function AdminLoading() {
  return <ListSkeleton label="Loading" rows={5} />;
}
