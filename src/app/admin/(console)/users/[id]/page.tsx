import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { UserDetail } from "@/components/admin/user-detail";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { adminMetadata, requireAdmin } from "../../../server";

export const generateMetadata = adminMetadata({ title: "User" });

export default async function AdminUserPage({ params }: PageProps<"/admin/users/[id]">) {
  const admin = await requireAdmin();
  const { id } = await params;
  try {
    await getQueryClient().fetchQuery({
      ...trpc.admin.users.get.queryOptions({ userId: id }),
      retry: false,
    });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      notFound();
    throw error;
  }
  return (
    <HydrateClient>
      <UserDetail userId={id} selfId={admin.id} />
    </HydrateClient>
  );
}
