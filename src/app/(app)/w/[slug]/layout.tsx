import { WorkspaceGuard } from "@/components/workspace/workspace-guard";
import { WorkspaceHeader } from "@/components/workspace/workspace-header";
import { getCurrentSession } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { loadWorkspace } from "./load";

/**
 * Every /w/[slug] page: members only (otherwise Next's 404 with "You don't have access to this
 * workspace", ../not-found.tsx), under the title, plan and billing banner, inside the guard that
 * refuses a stale cached copy of a workspace this tab has lost.
 */
export default async function WorkspaceLayout({ children, params }: LayoutProps<"/w/[slug]">) {
  const { slug } = await params;
  // Signed out: the page redirects to sign-in, coming back to its own path.
  if (!(await getCurrentSession())) return children;
  const { loadedAt } = await loadWorkspace(slug, `/w/${slug}`);
  // Awaited: the header's plan badge and billing banner (useQuery) must hydrate with data, not a
  // pending promise, or the server's and the client's first render differ.
  await getQueryClient().prefetchQuery(
    trpc.billing.subscription.queryOptions({ workspaceSlug: slug }),
  );
  return (
    <WorkspaceGuard slug={slug} renderedAt={loadedAt}>
      <div className="space-y-8">
        <HydrateClient>
          <WorkspaceHeader slug={slug} />
        </HydrateClient>
        {children}
      </div>
    </WorkspaceGuard>
  );
}
