/**
 * The URL state of the projects list and the activity log reads the same from a server page's
 * `searchParams` object as from the browser's URLSearchParams, and writes back what it read.
 */
import { describe, expect, it } from "vitest";
import { parseProjectView, projectViewQuery } from "@/components/projects/view";
import { activityFiltersFromParams, activityFiltersToQuery } from "@/schemas/activity";

/** A query as both shapes: Next's `searchParams` prop (repeated keys as arrays) and the browser's. */
function bothShapes(query: string) {
  const browser = new URLSearchParams(query);
  const server: Record<string, string | string[]> = {};
  for (const key of new Set(browser.keys())) {
    const values = browser.getAll(key);
    server[key] = values.length > 1 ? values : values[0]!;
  }
  return [server, browser] as const;
}

/** Queries, with what each view writes back after reading them. */
const CASES = [
  ["?status=paused&q=apollo&sort=name-asc", "?status=paused&q=apollo&sort=name-asc", ""],
  [
    "?actorId=u1&action=project.created&from=2026-01-01&to=2026-01-31&q=",
    "",
    "?actorId=u1&action=project.created&from=2026-01-01&to=2026-01-31",
  ],
  ["?status=paused&status=active&action=a.b&action=c.d", "?status=paused", "?action=a.b"],
  ["?status=deleted&sort=password-up&from=2026-02-30&action=DROP", "", ""],
  ["", "", ""],
] as const;

describe.each([
  ["projects", parseProjectView, projectViewQuery, 1],
  ["activity", activityFiltersFromParams, activityFiltersToQuery, 2],
] as const)("the %s view in the URL", (_, parse, toQuery, column) => {
  it.each(CASES)("reads %s the same on the server and in the browser", (...row) => {
    const [server, browser] = bothShapes(row[0]);
    const view = parse(browser as never);
    expect(parse(server as never)).toEqual(view);
    expect(toQuery(view as never)).toBe(row[column]);
  });
});
