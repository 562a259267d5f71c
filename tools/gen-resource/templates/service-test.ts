/**
 * The vitest suite of a generated resource, after src/server/services/projects.test.ts: against
 * the real (embedded) database, through the tRPC caller.
 */
import type { ResourceNames } from "../names";

/** src/server/services/<plural>.test.ts */
export const serviceTest = ({ noun, plural }: ResourceNames) => `/**
 * The ${plural} list and its mutations against a real database: exact keyset pagination, tenant
 * isolation, bad input, audit entries. Written by \`npm run gen:resource\`.
 */
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { callerWith, requestHeaders, signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

/** Ada owns workspace "acme". */
async function acme() {
  const { user, token } = await signedInUser("ada@example.com");
  const { caller } = await callerWith(requestHeaders(token));
  await caller.workspace.create({ name: "Acme", slug: "acme" });
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "acme" } });
  return { caller, user, workspace };
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("${noun}.list", () => {
  it("returns every ${noun} exactly once across pages, newest first, ties broken by id", async () => {
    const { caller, workspace } = await acme();
    const base = Date.UTC(2026, 0, 1);
    await db.${noun}.createMany({
      data: Array.from({ length: 15 }, (_, i) => ({
        workspaceId: workspace.id,
        name: \`n-\${String(i).padStart(2, "0")}\`,
        // Pairs share a timestamp: the id must break the tie.
        createdAt: new Date(base + Math.floor(i / 2) * 60_000),
      })),
    });
    const names: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result = await caller.${noun}.list({ workspaceSlug: "acme", limit: 4, cursor });
      names.push(...result.items.map((item) => item.name));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    expect(names).toHaveLength(15);
    expect(new Set(names).size).toBe(15);
    // Newest first: the last pair inserted comes first (in some order), the first pair last.
    expect(names.slice(0, 1)).toEqual(["n-14"]);
    expect(names.slice(-2).sort()).toEqual(["n-00", "n-01"]);
  });

  it("answers bad pages with field errors, never a 500", async () => {
    const { caller } = await acme();
    for (const view of [{ cursor: "not-a-cursor" }, { limit: 0 }, { limit: 51 }]) {
      const error = await rejection(
        caller.${noun}.list({ workspaceSlug: "acme", ...view } as never),
      );
      expect(error.code, JSON.stringify(view)).toBe("BAD_REQUEST");
    }
  });

  it("never shows or changes another workspace's ${plural}", async () => {
    const { caller, workspace } = await acme();
    const theirs = await db.${noun}.create({ data: { workspaceId: workspace.id, name: "Secret" } });
    const eve = await signedInUser("eve@example.com");
    const { caller: eveCaller } = await callerWith(requestHeaders(eve.token));
    await eveCaller.workspace.create({ name: "Eve", slug: "eve" });
    expect((await eveCaller.${noun}.list({ workspaceSlug: "eve" })).items).toEqual([]);
    expect((await rejection(eveCaller.${noun}.list({ workspaceSlug: "acme" }))).code).toBe(
      "NOT_FOUND",
    );
    for (const attempt of [
      () => eveCaller.${noun}.update({ workspaceSlug: "eve", ${noun}Id: theirs.id, name: "Mine" }),
      () => eveCaller.${noun}.delete({ workspaceSlug: "eve", ${noun}Id: theirs.id }),
    ]) {
      expect((await rejection(attempt())).code).toBe("NOT_FOUND");
    }
    expect(await db.${noun}.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      name: "Secret",
    });
    expect((await caller.${noun}.list({ workspaceSlug: "acme" })).items).toHaveLength(1);
  });
});

describe("${noun} mutations", () => {
  it("creates, updates and deletes, each audited in its transaction", async () => {
    const { caller, workspace } = await acme();
    const ${noun} = await caller.${noun}.create({ workspaceSlug: "acme", name: "  First  " });
    expect(${noun}).toMatchObject({ name: "First", description: "" });
    const update = (changes: Record<string, unknown>) =>
      caller.${noun}.update({ workspaceSlug: "acme", ${noun}Id: ${noun}.id, ...changes });
    await expect(update({ name: "Renamed", description: "More" })).resolves.toMatchObject({
      name: "Renamed",
      description: "More",
    });
    await update({ name: "Renamed" }); // no change: no audit entry
    await caller.${noun}.delete({ workspaceSlug: "acme", ${noun}Id: ${noun}.id });
    expect(await db.${noun}.count()).toBe(0);
    const entries = await db.auditLog.findMany({
      where: { workspaceId: workspace.id, targetType: "${noun}" },
      orderBy: { createdAt: "asc" },
    });
    expect(entries.map((entry) => entry.action)).toEqual([
      "${noun}.created",
      "${noun}.updated",
      "${noun}.deleted",
    ]);
    expect(entries[1]?.metadata).toEqual({ name: "Renamed", changed: ["name", "description"] });
    const gone = await rejection(update({ name: "Again" }));
    expect(gone.code).toBe("NOT_FOUND");
  });

  it("refuses bad names and writes nothing", async () => {
    const { caller } = await acme();
    for (const name of ["", "   ", "x".repeat(81), "\\uD800"]) {
      const error = await rejection(caller.${noun}.create({ workspaceSlug: "acme", name }));
      expect(error.code, JSON.stringify(name)).toBe("BAD_REQUEST");
    }
    expect(await db.${noun}.count()).toBe(0);
    expect(await db.auditLog.count({ where: { targetType: "${noun}" } })).toBe(0);
  });

  it("lets members write ${plural} (the \\"${plural}:write\\" permission)", async () => {
    const { caller, workspace } = await acme();
    const bob = await signedInUser("bob@example.com");
    await db.membership.create({
      data: { workspaceId: workspace.id, userId: bob.user.id, role: "member" },
    });
    const { caller: bobCaller } = await callerWith(requestHeaders(bob.token));
    const created = await bobCaller.${noun}.create({ workspaceSlug: "acme", name: "Bob's" });
    expect((await caller.${noun}.list({ workspaceSlug: "acme" })).items.map((n) => n.id)).toEqual([
      created.id,
    ]);
  });
});
`;
