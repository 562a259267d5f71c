import { afterEach, describe, expect, it, vi } from "vitest";
import type { ListProjectsInput } from "@/schemas/project";
import { db } from "@/server/db";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { callerWith, requestHeaders, signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

let closePool: (() => Promise<void>) | undefined;

afterEach(async () => {
  await closePool?.();
  closePool = undefined;
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** The route module as a server started with `BENCHMARK_ROUTES=<value>` loads it. */
async function routeWith(value: string | undefined) {
  vi.stubEnv("BENCHMARK_ROUTES", value);
  vi.resetModules();
  const [route, rawPg] = await Promise.all([import("./route.bench"), import("./raw-pg")]);
  closePool = rawPg.closeBenchPool;
  return route;
}

/** What the projects page's tRPC client sends for the first page (useInfiniteQuery adds `direction`). */
const firstPage = (workspaceSlug: string, extra: Record<string, unknown> = {}) => ({
  workspaceSlug,
  sort: "updatedAt",
  dir: "desc",
  limit: 3,
  direction: "forward",
  ...extra,
});

/** GET /api/bench/projects with `input` (as JSON), the session cookie of `token` and `driver`. */
function request(input: unknown, token?: string, driver?: string) {
  const params = new URLSearchParams({ input: JSON.stringify(input) });
  if (driver) params.set("driver", driver);
  return new Request(`http://localhost/api/bench/projects?${params}`, {
    headers: requestHeaders(token),
  });
}

/** Ada owns "acme" with 6 projects (one archived, two without owner); returns her session. */
async function acme() {
  const { user, token } = await signedInUser("ada@example.com");
  const { caller } = await callerWith(requestHeaders(token));
  await caller.workspace.create({ name: "Acme", slug: "acme" });
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "acme" } });
  const base = Date.UTC(2026, 0, 1);
  await db.project.createMany({
    data: Array.from({ length: 6 }, (_, i) => ({
      workspaceId: workspace.id,
      name: `p-${i}`,
      status: i === 5 ? ("archived" as const) : i === 1 ? ("paused" as const) : ("active" as const),
      ownerId: i % 3 === 0 ? null : user.id,
      updatedAt: new Date(base + i * 60_000),
    })),
  });
  return { caller, token };
}

describe("GET /api/bench/projects", () => {
  it("is off by default: 404 even for a member, with or without BENCHMARK_ROUTES=0", async () => {
    const { token } = await acme();
    for (const value of [undefined, "", "0", "false"]) {
      const { GET } = await routeWith(value);
      const response = await GET(request(firstPage("acme"), token));
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("");
    }
  });

  it("answers what the tRPC call project.list answers, with BENCHMARK_ROUTES=1", async () => {
    const { caller, token } = await acme();
    const { GET } = await routeWith("1");
    const response = await GET(request(firstPage("acme"), token));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    const viaTrpc = await caller.project.list(firstPage("acme") as ListProjectsInput);
    expect(viaTrpc.items).toHaveLength(3);
    expect(viaTrpc.nextCursor).not.toBeNull();
    expect(body).toEqual(JSON.parse(JSON.stringify(viaTrpc)));
  });

  it("answers the same with driver=pg as with Prisma, filtered or not, owners included", async () => {
    const { token } = await acme();
    const { GET } = await routeWith("1");
    for (const input of [
      firstPage("acme"),
      firstPage("acme", { limit: 20 }),
      firstPage("acme", { status: "paused" }),
      firstPage("acme", { status: "archived", sort: "name", dir: "asc" }),
      firstPage("acme", { sort: "createdAt", dir: "asc", limit: 1 }),
    ]) {
      const prisma = await (await GET(request(input, token, "prisma"))).json();
      const pg = await (await GET(request(input, token, "pg"))).json();
      expect(pg).toEqual(prisma);
    }
    const all = await (await GET(request(firstPage("acme", { limit: 20 }), token, "pg"))).json();
    expect(all.items.map((p: { name: string }) => p.name)).toEqual([
      "p-4",
      "p-3",
      "p-2",
      "p-1",
      "p-0",
    ]);
    expect(all.items[0].owner).toMatchObject({ name: "Ada" });
    expect(all.items[1].owner).toBeNull();
  });

  it("refuses a visitor (401), a non-member (404), bad input and an unknown driver (400)", async () => {
    const { token } = await acme();
    const { token: eve } = await signedInUser("eve@example.com");
    const { GET } = await routeWith("1");
    expect((await GET(request(firstPage("acme")))).status).toBe(401);
    expect((await GET(request(firstPage("acme"), eve))).status).toBe(404);
    expect((await GET(request(firstPage("acme", { limit: 500 }), token))).status).toBe(400);
    expect((await GET(request(firstPage("acme", { extra: 1 }), token))).status).toBe(400);
    expect((await GET(request(firstPage("acme"), token, "mysql"))).status).toBe(400);
    const search = await GET(request(firstPage("acme", { q: "p" }), token, "pg"));
    expect(search.status).toBe(400);
  });
});
