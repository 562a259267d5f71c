/**
 * Server helpers of the admin console's pages: `requireAdmin()` (Next's 404 unless the signed-in
 * user is an enabled admin: signed-out visitors get the same 404, never a redirect, so the console
 * does not reveal itself). Pages prefetch the `admin.*` procedures with `trpc` from
 * `@/trpc/server`, like every other page.
 */
import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { isAdmin } from "@/server/api/admin";
import { getCurrentSession } from "@/server/auth/session";

/** The signed-in admin, or Next's 404. Checked once per request (the layout and each page call it). */
export const requireAdmin = cache(async () => {
  const current = await getCurrentSession();
  if (!current || !(await isAdmin(current.user.id))) notFound();
  return current.user;
});
