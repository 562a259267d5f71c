import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { WorkspaceDetail } from "@/components/admin/workspace-detail";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { adminMetadata, requireAdmin } from "../../../server";

export const generateMetadata = adminMetadata({ title: "Workspace" });

export default async function AdminWorkspacePage({ params }: PageProps<"/admin/workspaces/[id]">) {
  await requireAdmin();
  const { id } = await params;
  try {
    await getQueryClient().fetchQuery({
      ...trpc.admin.workspaces.get.queryOptions({ workspaceId: id }),
      retry: false,
    });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      notFound();
    throw error;
  }
  return (
    <HydrateClient>
      <WorkspaceDetail workspaceId={id} />
    </HydrateClient>
  );
}
