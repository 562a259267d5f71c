/**
 * The editor list's filters from the URL (`?kind=&status=&q=`): invalid values are dropped, so
 * a hand-edited link shows the unfiltered list instead of an error. The server page and the
 * client list parse the same way.
 */
import { postListInput } from "@/schemas/post";

export type PostFilters = {
  kind?: "blog" | "changelog";
  status?: "draft" | "scheduled" | "published" | "archived";
  q?: string;
};

export function postFiltersFrom(get: (key: string) => string | undefined): PostFilters {
  const filters: PostFilters = {};
  for (const key of ["kind", "status", "q"] as const) {
    const value = get(key);
    if (!value) continue;
    const parsed = postListInput.shape[key].safeParse(value);
    if (parsed.success && parsed.data) (filters as Record<string, string>)[key] = parsed.data;
  }
  return filters;
}
