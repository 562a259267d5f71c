/**
 * The projects list and its mutations against a real database: exact keyset pagination (also
 * under concurrent inserts), filters and sorting, tenant isolation, bad input, audit entries.
 */
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { givePlan } from "@/test/plans";
import { callerWith, requestHeaders, signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

/** Ada owns "acme" on the Team plan (no project limit), so lists can be long. */
async function acme() {
  const { user, token } = await signedInUser("ada@example.com");
  const { caller } = await callerWith(requestHeaders(token));
  await caller.workspace.create({ name: "Acme", slug: "acme" });
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "acme" } });
  await givePlan(workspace.id, "team");
  return { caller, user, workspace };
}

type Caller = Awaited<ReturnType<typeof acme>>["caller"];

/** `count` projects inserted directly, with names p-000… and spread, partly equal, timestamps. */
async function insertProjects(workspaceId: string, count: number, prefix = "p") {
  const base = Date.UTC(2026, 0, 1);
  await db.project.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      workspaceId,
      name: `${prefix}-${String(i).padStart(3, "0")}`,
      // Pairs share a timestamp: the id must break the tie.
      createdAt: new Date(base + Math.floor(i / 2) * 60_000),
      updatedAt: new Date(base + Math.floor(i / 2) * 60_000),
    })),
  });
}

/** Every page of the list for `view`, following nextCursor; `between` runs between pages. */
async function allPages(
  caller: Caller,
  view: Record<string, unknown>,
  between?: (page: number) => Promise<void>,
) {
  const names: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    // `direction` is what tRPC's useInfiniteQuery adds to the input.
    const result = await caller.project.list({
      workspaceSlug: "acme",
      limit: 7,
      ...view,
      cursor,
      direction: "forward",
    });
    names.push(...result.items.map((p) => p.name));
    cursor = result.nextCursor;
    if (!cursor) return names;
    await between?.(page);
  }
  throw new Error("pagination did not end");
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("project.list", () => {
  it("returns every row exactly once across pages, for every sort and direction", async () => {
    const { caller, workspace } = await acme();
    await insertProjects(workspace.id, 40);
    const expected = Array.from({ length: 40 }, (_, i) => `p-${String(i).padStart(3, "0")}`);
    for (const sort of ["name", "createdAt", "updatedAt"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const names = await allPages(caller, { sort, dir });
        expect(names, `${sort} ${dir}`).toHaveLength(40);
        expect(new Set(names).size).toBe(40);
        if (sort === "name")
          expect(names).toEqual(dir === "asc" ? expected : [...expected].reverse());
      }
    }
  });

  it("stays exact while projects are created between pages", async () => {
    const { caller, workspace } = await acme();
    await insertProjects(workspace.id, 30);
    const names = await allPages(caller, { sort: "createdAt", dir: "desc" }, async (page) => {
      await Promise.all(
        [0, 1, 2].map((i) =>
          caller.project.create({ workspaceSlug: "acme", name: `new-${page}-${i}` }),
        ),
      );
    });
    const old = names.filter((n) => n.startsWith("p-"));
    expect(old).toHaveLength(30);
    expect(new Set(names).size).toBe(names.length);
  });

  it("filters by status and by text, literally, and leaves archived projects out by default", async () => {
    const { caller, workspace } = await acme();
    await db.project.createMany({
      data: [
        { workspaceId: workspace.id, name: "100% done", status: "active" },
        { workspaceId: workspace.id, name: "1000 done", status: "paused" },
        { workspaceId: workspace.id, name: "Old_thing", status: "archived" },
        { workspaceId: workspace.id, name: "Launch", description: "The BIG launch" },
      ],
    });
    const list = async (view: Record<string, unknown>) =>
      (await caller.project.list({ workspaceSlug: "acme", ...view })).items
        .map((p) => p.name)
        .sort();
    expect(await list({})).toEqual(["100% done", "1000 done", "Launch"]);
    expect(await list({ status: "archived" })).toEqual(["Old_thing"]);
    expect(await list({ status: "paused" })).toEqual(["1000 done"]);
    expect(await list({ q: "100%" })).toEqual(["100% done"]);
    expect(await list({ q: "big" })).toEqual(["Launch"]);
    expect(await list({ q: "_", status: "archived" })).toEqual(["Old_thing"]);
    expect(await list({ q: '\'; DROP TABLE "Project"; --' })).toEqual([]);
    expect(await list({ q: ".*" })).toEqual([]);
    expect(await db.project.count()).toBe(4);
  });

  it("answers bad views with field errors, never a 500", async () => {
    const { caller } = await acme();
    const bad = [
      { cursor: "not-a-cursor" },
      { cursor: Buffer.from('{"s":"name","d":"asc","v":"a","id":"x"}').toString("base64url") },
      { limit: 51 },
      { limit: 0 },
      { sort: "password" },
      { dir: "sideways" },
      { q: "x".repeat(101) },
      { status: "deleted" },
      { q: "nul\u0000byte" },
    ];
    for (const view of bad) {
      const error = await rejection(
        caller.project.list({ workspaceSlug: "acme", ...view } as never),
      );
      expect(error.code, JSON.stringify(view)).toBe("BAD_REQUEST");
    }
    // A cursor from a name-sorted list does not fit a date-sorted one.
    const created = await caller.project.create({ workspaceSlug: "acme", name: "a" });
    await caller.project.create({ workspaceSlug: "acme", name: "b" });
    const { nextCursor } = await caller.project.list({
      workspaceSlug: "acme",
      sort: "name",
      dir: "asc",
      limit: 1,
    });
    const mismatch = await rejection(
      caller.project.list({ workspaceSlug: "acme", sort: "createdAt", cursor: nextCursor }),
    );
    expect((mismatch.cause as { field?: string }).field).toBe("cursor");
    expect(created.name).toBe("a");
  });

  it("never shows or changes another workspace's projects", async () => {
    const { caller, workspace } = await acme();
    const theirs = await db.project.create({ data: { workspaceId: workspace.id, name: "Secret" } });
    const eve = await signedInUser("eve@example.com");
    const { caller: eveCaller } = await callerWith(requestHeaders(eve.token));
    await eveCaller.workspace.create({ name: "Eve", slug: "eve" });
    expect((await eveCaller.project.list({ workspaceSlug: "eve" })).items).toEqual([]);
    expect((await rejection(eveCaller.project.list({ workspaceSlug: "acme" }))).code).toBe(
      "NOT_FOUND",
    );
    for (const attempt of [
      () => eveCaller.project.update({ workspaceSlug: "eve", projectId: theirs.id, name: "Mine" }),
      () => eveCaller.project.delete({ workspaceSlug: "eve", projectId: theirs.id }),
    ]) {
      expect((await rejection(attempt())).code).toBe("NOT_FOUND");
    }
    expect(await db.project.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      name: "Secret",
    });
    expect((await caller.project.list({ workspaceSlug: "acme" })).items).toHaveLength(1);
  });
});

describe("project mutations", () => {
  it("updates, archives, restores and deletes, each audited in its transaction", async () => {
    const { caller, workspace } = await acme();
    const project = await caller.project.create({ workspaceSlug: "acme", name: "Apollo" });
    const update = (changes: Record<string, unknown>) =>
      caller.project.update({ workspaceSlug: "acme", projectId: project.id, ...changes });
    await expect(update({ name: "Apollo 11", description: "Moon" })).resolves.toMatchObject({
      name: "Apollo 11",
      description: "Moon",
    });
    await update({ status: "archived" });
    await update({ status: "active" });
    await update({ name: "Apollo 11" }); // no change: no audit entry
    await caller.project.delete({ workspaceSlug: "acme", projectId: project.id });
    const actions = await db.auditLog.findMany({
      where: { workspaceId: workspace.id, targetType: "project" },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "project.created",
      "project.updated",
      "project.archived",
      "project.restored",
      "project.deleted",
    ]);
    expect(actions[1]?.metadata).toEqual({ name: "Apollo 11", changed: ["name", "description"] });
    const error = await rejection(update({ name: "x".repeat(10_000) }));
    expect(error.code).toBe("BAD_REQUEST");
  });
});
