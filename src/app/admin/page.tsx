import { redirect } from "next/navigation";
import { requireAdmin } from "./server";

/** /admin → /admin/users (after the admin check: nobody else learns the console is here). */
export default async function AdminIndex() {
  await requireAdmin();
  redirect("/admin/users");
}
