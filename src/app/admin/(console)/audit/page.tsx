import { Suspense } from "react";
import { AuditLog } from "@/components/admin/audit-log";
import { ListSkeleton } from "@/components/ui/skeleton";
import { auditFiltersFrom } from "@/schemas/admin";
import { HydrateClient, prefetchInfinite, trpc } from "@/trpc/server";
import { paramOf } from "@/schemas/search-params";
import { adminMetadata, requireAdmin } from "../../server";

export const generateMetadata = adminMetadata({ title: "Audit log" });

export default async function AdminAuditPage({ searchParams }: PageProps<"/admin/audit">) {
  await requireAdmin();
  const params = await searchParams;
  const filters = auditFiltersFrom((key) => paramOf(params, key));
  // Awaited: the list reads it with useInfiniteQuery (see prefetch).
  await prefetchInfinite(
    trpc.admin.auditLog.list.infiniteQueryOptions(filters, {
      getNextPageParam: (last) => last.nextCursor,
    }),
  );
  return (
    <HydrateClient>
      <Suspense fallback={<ListSkeleton label="Loading the audit log" rows={5} />}>
        <AuditLog />
      </Suspense>
    </HydrateClient>
  );
}
