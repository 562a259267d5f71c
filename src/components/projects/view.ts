/**
 * The projects list's view (filters and sort) as URL search params, so a link reproduces it.
 * Unknown or malformed params fall back to the defaults: a shared link never breaks the page.
 */
import {
  projectSortKeys,
  projectStatuses,
  type ProjectSortKey,
  type ProjectStatus,
} from "@/schemas/constants";
import { paramOf, queryString, type SearchParamsInput } from "@/schemas/search-params";

/** Rows per page of the list. */
export const PROJECT_PAGE_SIZE = 20;

/** Most pages a link or a reload restores (`?pages=`): 10 pages, 200 rows. */
export const MAX_RESTORED_PAGES = 10;

/**
 * How many pages of the list "Load more" had loaded (`?pages=`, so a reload or Back shows them
 * again): 1 when absent or malformed, at most {@link MAX_RESTORED_PAGES}.
 */
export function parseLoadedPages(params: SearchParamsInput): number {
  const pages = Number(paramOf(params, "pages"));
  return Number.isInteger(pages) ? Math.min(Math.max(pages, 1), MAX_RESTORED_PAGES) : 1;
}

/** `query` (from {@link projectViewQuery}) with `pages` added when more than one. */
export function withLoadedPages(query: string, pages: number): string {
  if (pages <= 1) return query;
  const params = new URLSearchParams(query);
  params.set("pages", String(Math.min(pages, MAX_RESTORED_PAGES)));
  return `?${params.toString()}`;
}

export interface ProjectView {
  status?: ProjectStatus;
  q?: string;
  sort: ProjectSortKey;
  dir: "asc" | "desc";
}

/** The sort menu's choices: a sort key with its direction. */
export const sortChoices = [
  { value: "updatedAt-desc", label: "Recently updated" },
  { value: "createdAt-desc", label: "Newest first" },
  { value: "createdAt-asc", label: "Oldest first" },
  { value: "name-asc", label: "Name A–Z" },
  { value: "name-desc", label: "Name Z–A" },
] as const;

/** The view in `params` (a page's `searchParams`, or the browser's URLSearchParams). */
export function parseProjectView(params: SearchParamsInput): ProjectView {
  const status = paramOf(params, "status");
  const q = paramOf(params, "q")?.trim().slice(0, 100);
  const [sort, dir] = (paramOf(params, "sort") ?? "").split("-");
  const validSort = projectSortKeys.includes(sort as ProjectSortKey);
  return {
    status: projectStatuses.includes(status as ProjectStatus)
      ? (status as ProjectStatus)
      : undefined,
    q: q || undefined,
    sort: validSort ? (sort as ProjectSortKey) : "updatedAt",
    dir: validSort && (dir === "asc" || dir === "desc") ? dir : "desc",
  };
}

/** The query string of `view` (defaults left out), with a leading "?" when not empty. */
export function projectViewQuery(view: ProjectView): string {
  const isDefaultSort = view.sort === "updatedAt" && view.dir === "desc";
  return queryString({
    status: view.status,
    q: view.q,
    sort: isDefaultSort ? undefined : `${view.sort}-${view.dir}`,
  });
}
