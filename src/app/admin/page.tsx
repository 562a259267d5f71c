import { redirect } from "next/navigation";
import { adminMetadata, requireAdmin } from "./server";

/** Staff are redirected before any title shows; everyone else gets the 404 page's title. */
export const generateMetadata = adminMetadata({});

/** /admin → /admin/users (after the admin check: nobody else learns the console is here). */
export default async function AdminIndex() {
  await requireAdmin();
  redirect("/admin/users");
}
