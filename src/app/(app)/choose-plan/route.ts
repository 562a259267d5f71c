/**
 * Where "Choose <plan>" on the prerendered pricing pages leads (one link for every visitor, so
 * the pages stay shared): a visitor signs up; a signed-in user opens the billing page of their
 * only workspace, or picks one on the dashboard when they have several (or none). A 307 redirect.
 * Never cached: it reads the session.
 */
import { getCurrentSession } from "@/server/auth/session";
import { listWorkspaces } from "@/server/services/workspaces";

export async function GET(): Promise<Response> {
  const current = await getCurrentSession();
  let target = "/sign-up";
  if (current) {
    const workspaces = await listWorkspaces(current.user.id);
    target = workspaces.length === 1 ? `/w/${workspaces[0]!.slug}/billing` : "/dashboard";
  }
  // A relative Location (RFC 9110 10.2.2): right behind any host or proxy.
  return new Response(null, { status: 307, headers: { Location: target } });
}
