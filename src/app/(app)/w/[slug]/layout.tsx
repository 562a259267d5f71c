import { WorkspaceHeader } from "@/components/workspace/workspace-header";
import { getCurrentSession } from "@/server/auth/session";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { loadWorkspace } from "./load";

/** Every /w/[slug] page: members only (404 otherwise), under the title, plan and billing banner. */
export default async function WorkspaceLayout({ children, params }: LayoutProps<"/w/[slug]">) {
  const { slug } = await params;
  // Signed out: the page redirects to sign-in, coming back to its own path.
  if (!(await getCurrentSession())) return children;
  await loadWorkspace(slug, `/w/${slug}`);
  // Awaited: the header's plan badge and billing banner (useQuery) must hydrate with data, not a
  // pending promise, or the server's and the client's first render differ.
  await getQueryClient().prefetchQuery(
    trpc.billing.subscription.queryOptions({ workspaceSlug: slug }),
  );
  return (
    <div className="space-y-8">
      <HydrateClient>
        <WorkspaceHeader slug={slug} />
      </HydrateClient>
      {children}
    </div>
  );
}
