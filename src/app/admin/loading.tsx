import { ListSkeleton } from "@/components/workspace/shared";

export default function AdminLoading() {
  return <ListSkeleton label="Loading" rows={5} />;
}
