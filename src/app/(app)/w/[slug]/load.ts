/**
 * The workspace of a /w/[slug] page for the signed-in user: sign-in first (coming back to
 * `pathname`), then `workspace.get` through this request's query client (so the client
 * components find it in the cache), or Next's 404 for a malformed slug, an unknown workspace or
 * one the user is not a member of (the server answers NOT_FOUND, never FORBIDDEN: no leak).
 */
import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { workspaceSlugSchema } from "@/schemas/workspace";
import { requireUser } from "@/server/auth/session";
import { getQueryClient, trpc } from "@/trpc/server";

export async function loadWorkspace(slug: string, pathname: string) {
  const user = await requireUser(pathname);
  const parsed = workspaceSlugSchema.safeParse(slug);
  if (!parsed.success || parsed.data !== slug) notFound();
  try {
    const workspace = await getQueryClient().fetchQuery({
      ...trpc.workspace.get.queryOptions({ workspaceSlug: slug }),
      // On the server the error is a TRPCError, which the shared retry rule does not recognise
      // as a 4xx answer: without this, a 404 would wait for three retries (~7 s).
      retry: false,
    });
    // When this copy was loaded (ms): a copy restored from a client cache after the workspace
    // was lost can tell it is stale (WorkspaceGuard).
    return { user, workspace, loadedAt: Date.now() };
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      notFound();
    throw error;
  }
}
