import { ListSkeleton } from "@/components/workspace/shared";

export default function WorkspaceLoading() {
  return <ListSkeleton label="Loading" rows={4} />;
}
