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

/** Rows per page of the list. */
export const PROJECT_PAGE_SIZE = 20;

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

type Params = { get(name: string): string | null };

/** The view in `params` (URLSearchParams, or Next's searchParams via `toParams`). */
export function parseProjectView(params: Params): ProjectView {
  const status = params.get("status");
  const q = params.get("q")?.trim().slice(0, 100);
  const [sort, dir] = (params.get("sort") ?? "").split("-");
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
  const params = new URLSearchParams();
  if (view.status) params.set("status", view.status);
  if (view.q) params.set("q", view.q);
  if (view.sort !== "updatedAt" || view.dir !== "desc")
    params.set("sort", `${view.sort}-${view.dir}`);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Next's `searchParams` object as something `parseProjectView` reads (first value wins). */
export function toParams(searchParams: Record<string, string | string[] | undefined>): Params {
  return {
    get: (name) => {
      const value = searchParams[name];
      return (Array.isArray(value) ? value[0] : value) ?? null;
    },
  };
}
