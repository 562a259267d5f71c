import { redirect } from "next/navigation";
import { editorMetadata, requireEditor } from "./server";

/** Staff are redirected before any title shows; everyone else gets the 404 page's title. */
export const generateMetadata = editorMetadata({});

/**
 * /admin → /admin/users, or /admin/posts for an editor who is not an admin (after the staff
 * check: nobody else learns the console is here).
 */
export default async function AdminIndex() {
  const staff = await requireEditor();
  redirect(staff.isAdmin ? "/admin/users" : "/admin/posts");
}
