/**
 * The keyset helper as the lists use it, against a real database: one cursor format for every
 * list, checked the same way everywhere (its order, its id, its sort value's type).
 */
import { TRPCError } from "@trpc/server";
import { expect, it } from "vitest";
import { db } from "@/server/db";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { givePlan } from "@/test/plans";
import { callerWith, requestHeaders, signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

const cursorOf = (payload: object) => Buffer.from(JSON.stringify(payload)).toString("base64url");

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

it("refuses a cursor whose date is not an ISO 8601 timestamp, on every list", async () => {
  const { user, token } = await signedInUser("ada@example.com");
  const { caller } = await callerWith(requestHeaders(token));
  await caller.workspace.create({ name: "Acme", slug: "acme" });
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "acme" } });
  await givePlan(workspace.id, "team");
  await db.project.create({
    data: { workspaceId: workspace.id, name: "Apollo", ownerId: user.id },
  });
  // "1" and "May 1" parse as dates in JavaScript (2001-01-01, 2001-05-01): a cursor is not a
  // date picker, so they are tampering.
  for (const v of ["1", "May 1", "2026-01-01"]) {
    const lists = [
      () =>
        caller.project.list({
          workspaceSlug: "acme",
          cursor: cursorOf({ s: "updatedAt", d: "desc", v, id: "x" }),
        }),
      () =>
        caller.activity.list({
          workspaceSlug: "acme",
          cursor: cursorOf({ s: "createdAt", d: "desc", v, id: "x" }),
        }),
    ];
    for (const list of lists) {
      const error = await rejection(list());
      expect(error.code, v).toBe("BAD_REQUEST");
      expect((error.cause as { field?: string }).field, v).toBe("cursor");
    }
  }
});

it("refuses a cursor made for another order of the same list", async () => {
  const { token } = await signedInUser("ada@example.com");
  const { caller } = await callerWith(requestHeaders(token));
  await caller.workspace.create({ name: "Acme", slug: "acme" });
  for (let i = 0; i < 3; i++) await caller.project.create({ workspaceSlug: "acme", name: `p${i}` });
  const { nextCursor } = await caller.project.list({ workspaceSlug: "acme", limit: 1 });
  expect(nextCursor).not.toBeNull();
  const next = await caller.project.list({ workspaceSlug: "acme", limit: 1, cursor: nextCursor });
  expect(next.items).toHaveLength(1);
  const error = await rejection(
    caller.project.list({ workspaceSlug: "acme", limit: 1, sort: "name", cursor: nextCursor }),
  );
  expect(error.code).toBe("BAD_REQUEST");
});
