import { ListSkeleton } from "@/components/ui/skeleton";

/**
 * The console's pages while they load. In the `(console)` group, not at /admin: /admin's redirect
 * to /admin/users must answer before any streaming starts, as a real 307, not a client redirect.
 */
export default function AdminLoading() {
  return <ListSkeleton label="Loading" rows={5} />;
}
