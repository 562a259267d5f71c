import { ListSkeleton } from "@/components/ui/skeleton";

export default function WorkspaceLoading() {
  return <ListSkeleton label="Loading" rows={4} />;
}
