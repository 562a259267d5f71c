import { WorkspaceHeader } from "@/components/workspace/workspace-header";
import { getCurrentSession } from "@/server/auth/session";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { loadWorkspace } from "./load";

/** Every /w/[slug] page: members only (404 otherwise), with the title and sub-navigation. */
export default async function WorkspaceLayout({ children, params }: LayoutProps<"/w/[slug]">) {
  const { slug } = await params;
  // Signed out: the page redirects to sign-in, coming back to its own path.
  if (!(await getCurrentSession())) return children;
  await loadWorkspace(slug, `/w/${slug}`);
  prefetch(trpc.billing.subscription.queryOptions({ workspaceSlug: slug }));
  return (
    <div className="space-y-8">
      <HydrateClient>
        <WorkspaceHeader slug={slug} />
      </HydrateClient>
      {children}
    </div>
  );
}
