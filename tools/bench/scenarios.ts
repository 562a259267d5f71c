/**
 * What `npm run bench` measures: GET requests from the machine's ceiling to whole pages, and a
 * check of each one's answer before it is measured (the right status, type and content, so a
 * redirect to sign-in or an empty list is never benchmarked by mistake).
 */
import superjson from "superjson";
import { PROJECT_PAGE_SIZE } from "../../src/components/projects/view";
import { PUBLIC_PAGE_BENCH_PATHS } from "../../src/server/http/public-pages";
import type { ScenarioId } from "./options";
import type { SessionCookie } from "./sign-in";

/** One measured request. */
export interface Scenario {
  id: ScenarioId;
  /** Its row in the table. */
  label: string;
  url: string;
  headers: Record<string, string>;
}

/** Where and as whom the scenarios run. */
export interface ScenarioContext {
  appUrl: string;
  bareUrl: string;
  cookie: SessionCookie;
  workspaceSlug: string;
  /**
   * The build's preview-mode id (.next/prerender-manifest.json): sent as the draft-mode cookie,
   * it makes Next render a cached page per request, as every page was before they were cached.
   */
  previewModeId: string;
}

/** The row of a public page served from cache. */
export const publicPageLabel = (path: string) => `public page ${path} (from cache)`;

/** The row that renders the landing per request (what it cost before it was cached). */
export const PER_REQUEST_LANDING_LABEL = "landing / rendered per request (draft mode)";

/**
 * The input the projects page's client sends for the first page of `project.list`
 * (`useSuspenseInfiniteQuery` over `{ workspaceSlug, ...view, limit }`, plus `direction`; no
 * cursor on the first page; the view's unset `status` and `q` are there as undefined).
 */
export function projectListInput(workspaceSlug: string) {
  return {
    workspaceSlug,
    status: undefined,
    q: undefined,
    sort: "updatedAt",
    dir: "desc",
    limit: PROJECT_PAGE_SIZE,
    direction: "forward",
  } as const;
}

/** `/api/trpc/project.list?batch=1&input=…` exactly as httpBatchLink (superjson) encodes it. */
export function trpcListPath(workspaceSlug: string): string {
  const input = JSON.stringify({ 0: superjson.serialize(projectListInput(workspaceSlug)) });
  return `/api/trpc/project.list?batch=1&input=${encodeURIComponent(input)}`;
}

/** `/api/bench/projects?input=…` with the same input (plain JSON) and `driver`. */
export function routeListPath(workspaceSlug: string, driver: "prisma" | "pg"): string {
  const params = new URLSearchParams({ input: JSON.stringify(projectListInput(workspaceSlug)) });
  if (driver === "pg") params.set("driver", "pg");
  return `/api/bench/projects?${params}`;
}

/**
 * The public pages served from cache (src/server/http/public-pages.ts), signed out, one row each,
 * then the landing rendered per request: the same page at what it cost before it was cached.
 */
function publicScenarios({ appUrl, previewModeId }: ScenarioContext): Scenario[] {
  const html = { accept: "text/html" };
  return [
    ...PUBLIC_PAGE_BENCH_PATHS.map((path) => ({
      id: "public" as const,
      label: publicPageLabel(path),
      url: appUrl + path,
      headers: html,
    })),
    {
      id: "public",
      label: PER_REQUEST_LANDING_LABEL,
      url: `${appUrl}/`,
      headers: { ...html, cookie: `__prerender_bypass=${previewModeId}` },
    },
  ];
}

/** The scenarios of `ids`, in that order. */
export function scenarios(ids: readonly ScenarioId[], context: ScenarioContext): Scenario[] {
  const { appUrl, cookie, workspaceSlug } = context;
  const json = { accept: "application/json", cookie };
  const all: Record<Exclude<ScenarioId, "public">, Scenario> = {
    bare: {
      id: "bare",
      label: "bare node:http (ceiling)",
      url: `${context.bareUrl}/`,
      headers: { accept: "application/json" },
    },
    route: {
      id: "route",
      label: "route handler, Prisma",
      url: appUrl + routeListPath(workspaceSlug, "prisma"),
      headers: json,
    },
    trpc: {
      id: "trpc",
      label: "tRPC project.list",
      url: appUrl + trpcListPath(workspaceSlug),
      headers: json,
    },
    pg: {
      id: "pg",
      label: "route handler, raw pg",
      url: appUrl + routeListPath(workspaceSlug, "pg"),
      headers: json,
    },
    dashboard: {
      id: "dashboard",
      label: `dashboard page /w/${workspaceSlug}`,
      url: `${appUrl}/w/${workspaceSlug}`,
      headers: { accept: "text/html", cookie },
    },
  };
  return ids.flatMap((id) => (id === "public" ? publicScenarios(context) : [all[id]]));
}

interface ProjectPage {
  items: { id: string }[];
  nextCursor: string | null;
}

/** The ids of a projects page, from the route's JSON or tRPC's batch answer. */
function pageIds(id: ScenarioId, body: string): string[] {
  const parsed: unknown = JSON.parse(body);
  const page =
    id === "trpc"
      ? (superjson.deserialize(
          (parsed as [{ result: { data: never } }])[0].result.data,
        ) as ProjectPage)
      : (parsed as ProjectPage);
  return page.items.map((item) => item.id);
}

/**
 * Requests each scenario once (redirects not followed) and checks its answer: 200, JSON or HTML,
 * a full first page of projects (the same ids through the route, tRPC and raw pg), the
 * workspace's page rather than sign-in.
 * @throws Error naming the scenario and what was wrong.
 */
export async function checkScenarios(list: Scenario[], workspaceName: string): Promise<void> {
  let expectedIds: string[] | null = null;
  for (const scenario of list) {
    // A cached page is rendered by its first request after the start (the cache handler re-renders
    // what the build rendered under other settings): that one warms it.
    if (scenario.id === "public")
      await (await fetch(scenario.url, { headers: scenario.headers })).text();
    const response = await fetch(scenario.url, { headers: scenario.headers, redirect: "manual" });
    const body = await response.text();
    const type = response.headers.get("content-type") ?? "";
    const fail = (why: string) => {
      throw new Error(
        `${scenario.label}: ${why} (${response.status} ${type}: ${body.slice(0, 200)})`,
      );
    };
    if (response.status !== 200) fail("expected 200");
    if (scenario.id === "public") {
      if (!type.startsWith("text/html")) fail("expected HTML");
      // Draft mode renders per request and says so: private, no-store.
      const perRequest = scenario.label === PER_REQUEST_LANDING_LABEL;
      const rendered = (response.headers.get("cache-control") ?? "").startsWith("private");
      const cache = response.headers.get("x-nextjs-cache");
      if (perRequest ? !rendered : rendered || !/^(HIT|STALE)$/.test(cache ?? "")) {
        fail(`expected ${perRequest ? "a render" : "a cache hit"}, got x-nextjs-cache ${cache}`);
      }
      continue;
    }
    if (scenario.id === "dashboard") {
      if (!type.startsWith("text/html")) fail("expected HTML");
      // A redirect after streaming began would be a 200 with a refresh to /sign-in?next=….
      if (!body.includes(workspaceName) || body.includes("/sign-in?next=")) {
        fail(`expected the overview of ${workspaceName}`);
      }
      continue;
    }
    if (!type.startsWith("application/json")) fail("expected JSON");
    if (scenario.id === "bare") continue;
    const ids = pageIds(scenario.id, body);
    if (ids.length !== PROJECT_PAGE_SIZE)
      fail(`expected ${PROJECT_PAGE_SIZE} projects, got ${ids.length}`);
    if (expectedIds && ids.join() !== expectedIds.join())
      fail("a different page than the other list calls");
    expectedIds ??= ids;
  }
}
