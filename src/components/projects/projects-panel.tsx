"use client";
/**
 * /w/[slug]/projects: usage against the plan's limit, the create form, and the list with its
 * search, filter and sort (kept in the URL: a filter or sort picked is a history entry, typing is
 * not) and cursor pagination ("Load more"; the loaded page count is kept in the URL as `pages`, so
 * a reload or Back shows the same rows).
 */
import { useSuspenseInfiniteQuery, useSuspenseQuery } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { CreateProjectForm } from "@/components/projects/create-project-form";
import { ProjectRow } from "@/components/projects/project-row";
import { ProjectToolbar } from "@/components/projects/project-toolbar";
import { isOverLimit, usageText } from "@/components/format/usage";
import {
  parseProjectView,
  PROJECT_PAGE_SIZE,
  projectViewQuery,
  withLoadedPages,
  type ProjectView,
} from "@/components/projects/view";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { textLinkClass } from "@/components/ui/link";
import { allows } from "@/schemas/permissions";
import { useUrlState } from "@/components/use-url-state";
import { useTRPC } from "@/trpc/client";

function ProjectList({
  slug,
  view,
  canWrite,
}: {
  slug: string;
  view: ProjectView;
  canWrite: boolean;
}) {
  const trpc = useTRPC();
  const pathname = usePathname();
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage } = useSuspenseInfiniteQuery(
    trpc.project.list.infiniteQueryOptions(
      { workspaceSlug: slug, ...view, limit: PROJECT_PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const projects = data.pages.flatMap((page) => page.items);
  /** Loads the next page, then records the count in the URL without a new history entry. */
  const loadMore = async () => {
    const result = await fetchNextPage();
    const pages = result.data?.pages.length ?? 1;
    // Next keeps useSearchParams in step with history.replaceState, with no server round trip.
    window.history.replaceState(
      null,
      "",
      withLoadedPages(projectViewQuery(view), pages) || pathname,
    );
  };
  const filtered = Boolean(view.q || view.status);
  if (projects.length === 0) {
    return (
      <EmptyState>
        {filtered ? (
          <>
            No projects match this view.{" "}
            <Link href={pathname as Route} className={textLinkClass}>
              Clear filters
            </Link>
          </>
        ) : (
          <>No projects yet{canWrite ? ": create the first one above." : "."}</>
        )}
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {projects.map((project) => (
          <ProjectRow
            key={project.id}
            slug={slug}
            project={project}
            canWrite={canWrite}
            listedStatus={view.status}
          />
        ))}
      </ul>
      {hasNextPage && (
        <div className="flex justify-center">
          <Button
            variant="secondary"
            pending={isFetchingNextPage}
            pendingText="Loading…"
            onClick={() => void loadMore()}
          >
            Load more
          </Button>
        </div>
      )}
    </div>
  );
}

export function ProjectsPanel({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { state: view, set: changeView } = useUrlState(parseProjectView, projectViewQuery);
  const { data: workspace } = useSuspenseQuery(
    trpc.workspace.get.queryOptions({ workspaceSlug: slug }),
  );
  const { data: billing } = useSuspenseQuery(
    trpc.billing.subscription.queryOptions({ workspaceSlug: slug }),
  );
  const canWrite = allows(workspace, "projects:write");
  const limit = billing.plan.entitlements.maxProjects;
  return (
    <div className="space-y-6">
      <p
        className={`text-sm ${isOverLimit(billing.usage.projects, limit) ? "text-amber-700 dark:text-amber-400" : "text-zinc-600 dark:text-zinc-400"}`}
        data-testid="project-usage"
      >
        {usageText(
          billing.usage.projects,
          limit,
          { one: "project", other: "projects" },
          billing.plan.name,
        )}
      </p>
      {canWrite && (
        <CreateProjectForm
          slug={slug}
          canManageBilling={allows(workspace, "billing:manage")}
          limitReached={
            limit !== null && billing.usage.projects >= limit
              ? { limit, planName: billing.plan.name }
              : null
          }
        />
      )}
      <section aria-labelledby="projects-heading" className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="projects-heading" className="text-lg font-semibold">
            Projects
          </h2>
          {canWrite && (
            <Link
              href={`/w/${slug}/projects/import` as Route}
              className={`text-sm ${textLinkClass}`}
            >
              Import from CSV
            </Link>
          )}
        </div>
        <ProjectToolbar view={view} onChange={changeView} />
        <ProjectList slug={slug} view={view} canWrite={canWrite} />
      </section>
    </div>
  );
}
