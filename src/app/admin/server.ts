/**
 * Server helpers of the admin console's pages: `requireAdmin()` (Next's 404 unless the signed-in
 * user is an enabled admin: signed-out visitors get the same 404, never a redirect, so the console
 * does not reveal itself) and `adminMetadata` (titles for staff only). Pages prefetch the
 * `admin.*` procedures with `trpc` from `@/trpc/server`, like every other page.
 */
import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { isAdmin, isEditor } from "@/server/api/admin";
import { getCurrentSession } from "@/server/auth/session";
import { getPost } from "@/server/content/posts";
import { DomainError } from "@/server/errors";
import { NOT_FOUND_METADATA } from "@/app/not-found-metadata";

/** The signed-in user if an enabled admin, else null. Checked once per request. */
const currentAdmin = cache(async () => {
  const current = await getCurrentSession();
  return current && (await isAdmin(current.user.id)) ? current.user : null;
});

/** The signed-in admin, or Next's 404. Checked once per request (the layout and each page call it). */
export const requireAdmin = cache(async () => (await currentAdmin()) ?? notFound());

/**
 * The signed-in staff member with their roles, or null: admins (the whole console) and editors
 * (/admin/posts only; an admin is an editor too).
 */
export const currentStaff = cache(async () => {
  const current = await getCurrentSession();
  if (!current) return null;
  const [admin, editor] = await Promise.all([isAdmin(current.user.id), isEditor(current.user.id)]);
  return editor ? { user: current.user, isAdmin: admin } : null;
});

/** The signed-in editor or admin (the posts pages), or Next's 404. */
export const requireEditor = cache(async () => (await currentStaff()) ?? notFound());

/**
 * A console segment's `generateMetadata`: `metadata` for staff, `others` (default: the 404
 * page's) for anyone else, like any unknown URL ("Users · Admin" in a tab would reveal the console).
 * Not a 404 thrown from here: Next then resolves the 404's metadata through this same function
 * and, when it throws again, renders the page with no title at all.
 */
export function adminMetadata(
  metadata: Metadata,
  others: Metadata = NOT_FOUND_METADATA,
): () => Promise<Metadata> {
  return async () => ((await currentAdmin()) ? metadata : others);
}

/** {@link adminMetadata} for the posts pages, whose audience is editors and admins. */
export function editorMetadata(
  metadata: Metadata,
  others: Metadata = NOT_FOUND_METADATA,
): () => Promise<Metadata> {
  return async () => ((await currentStaff()) ? metadata : others);
}

/** For an editor (else the 404 page): post `id` for the admin's post pages; unknown, the 404 page. */
export async function requirePost(id: string) {
  await requireEditor();
  return getPost(id).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
}
