/**
 * The activity log against a real database: exact keyset pagination (also under concurrent
 * inserts), filters by actor, action and day range, summaries, tenant isolation, bad input.
 */
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { recordAudit } from "@/server/audit/log";
import { db } from "@/server/db";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { givePlan } from "@/test/plans";
import { callerWith, requestHeaders, signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

/**
 * Ada owns "acme" (its creation is the log's first entry), on Team so its whole log is visible;
 * Bob is a member.
 */
async function acme() {
  const { user: ada, token } = await signedInUser("ada@example.com");
  const { caller } = await callerWith(requestHeaders(token));
  await caller.workspace.create({ name: "Acme", slug: "acme" });
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "acme" } });
  await givePlan(workspace.id, "team");
  const bob = await db.user.create({
    data: { email: "bob@example.com", name: "Bob", passwordHash: "x", emailVerifiedAt: new Date() },
  });
  await db.membership.create({
    data: { workspaceId: workspace.id, userId: bob.id, role: "member" },
  });
  return { caller, ada, bob, workspace };
}

type Caller = Awaited<ReturnType<typeof acme>>["caller"];

/** Before any entry the app itself writes (those are stamped now). */
const BASE = Date.UTC(2024, 0, 1);

/** `count` entries inserted directly, in threes sharing a timestamp (the id breaks the tie). */
async function insertEntries(workspaceId: string, actorId: string, count: number) {
  await db.auditLog.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      workspaceId,
      actorId,
      action: "project.created",
      targetType: "project",
      targetId: `p-${i}`,
      metadata: { name: `p-${String(i).padStart(3, "0")}` },
      createdAt: new Date(BASE + Math.floor(i / 3) * 60_000),
    })),
  });
}

/** The ids of every page, following nextCursor; `between` runs between pages. */
async function allPages(
  caller: Caller,
  view: Record<string, unknown>,
  between?: (page: number) => Promise<void>,
) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const limit = (view.limit as number | undefined) ?? 7;
    const result = await caller.activity.list({
      workspaceSlug: "acme",
      limit,
      ...view,
      cursor,
      direction: "forward",
    });
    expect(result.items.length).toBeLessThanOrEqual(limit);
    // A page is full unless it is the last.
    if (result.nextCursor) expect(result.items).toHaveLength(limit);
    ids.push(...result.items.map((entry) => entry.id));
    cursor = result.nextCursor;
    if (!cursor) return ids;
    await between?.(page);
  }
  throw new Error("pagination did not end");
}

/** The workspace's entry ids in the log's order, straight from the database. */
async function expectedIds(workspaceId: string) {
  const rows = await db.auditLog.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** The zod messages of a rejected call, by field. */
function zodFields(error: TRPCError): Record<string, string[]> {
  expect(error.cause).toBeInstanceOf(z.core.$ZodError);
  const fields: Record<string, string[]> = {};
  for (const issue of (error.cause as z.core.$ZodError).issues) {
    const key = issue.path.join(".");
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

describe("activity.list", () => {
  it("returns every entry exactly once across pages, newest first, ties broken by id", async () => {
    const { caller, ada, workspace } = await acme();
    await insertEntries(workspace.id, ada.id, 60);
    const expected = await expectedIds(workspace.id);
    expect(expected).toHaveLength(61);
    const ids = await allPages(caller, {});
    expect(ids).toEqual(expected);
    for (const limit of [1, 3, 25, 100]) {
      expect(await allPages(caller, { limit })).toEqual(expected);
    }
  });

  it("stays exact while entries are added between pages", async () => {
    const { caller, ada, workspace } = await acme();
    await insertEntries(workspace.id, ada.id, 60);
    const before = await expectedIds(workspace.id);
    const ids = await allPages(caller, {}, async (page) => {
      await db.auditLog.createMany({
        data: [0, 1, 2].map((i) => ({
          workspaceId: workspace.id,
          actorId: ada.id,
          action: "project.deleted",
          metadata: { name: `new-${page}-${i}` },
          createdAt: new Date(),
        })),
      });
    });
    // The new entries are newer than the first page: none appears later, nothing repeats or
    // is skipped.
    expect(ids).toEqual(before);
    expect(await db.auditLog.count({ where: { workspaceId: workspace.id } })).toBeGreaterThan(61);
  });

  it("filters by actor, action and inclusive UTC days", async () => {
    const { caller, ada, bob, workspace } = await acme();
    const at = (iso: string) => new Date(iso);
    await db.auditLog.createMany({
      data: [
        { actorId: ada.id, action: "project.created", createdAt: at("2024-03-01T23:59:59.999Z") },
        { actorId: bob.id, action: "project.created", createdAt: at("2024-03-02T00:00:00.000Z") },
        {
          actorId: ada.id,
          action: "member.role_changed",
          createdAt: at("2024-03-03T12:00:00.000Z"),
        },
        { actorId: bob.id, action: "project.deleted", createdAt: at("2024-03-03T23:59:59.999Z") },
        { actorId: null, action: "project.deleted", createdAt: at("2024-03-04T00:00:00.000Z") },
      ].map((row) => ({ ...row, workspaceId: workspace.id })),
    });
    const times = async (view: Record<string, unknown>) =>
      (await caller.activity.list({ workspaceSlug: "acme", ...view })).items.map((entry) =>
        entry.createdAt.toISOString().slice(0, 16),
      );
    expect(await times({ from: "2024-03-02", to: "2024-03-03" })).toEqual([
      "2024-03-03T23:59",
      "2024-03-03T12:00",
      "2024-03-02T00:00",
    ]);
    expect(await times({ from: "2024-03-03", to: "2024-03-03" })).toEqual([
      "2024-03-03T23:59",
      "2024-03-03T12:00",
    ]);
    expect(await times({ to: "2024-03-01" })).toEqual(["2024-03-01T23:59"]);
    expect(await times({ actorId: bob.id })).toEqual(["2024-03-03T23:59", "2024-03-02T00:00"]);
    expect(await times({ action: "project.deleted" })).toEqual([
      "2024-03-04T00:00",
      "2024-03-03T23:59",
    ]);
    expect(await times({ actorId: ada.id, action: "project.created", to: "2024-03-02" })).toEqual([
      "2024-03-01T23:59",
    ]);
    expect(await times({ action: "member.role_changed", from: "2024-03-04" })).toEqual([]);
    // Paginating a filtered view stays exact too.
    const deleted = await allPages(caller, { action: "project.deleted", limit: 1 });
    expect(deleted).toHaveLength(2);
    expect(new Set(deleted).size).toBe(2);

    const filters = await caller.activity.filters({ workspaceSlug: "acme" });
    expect(filters.actors).toEqual([
      { id: ada.id, name: "Ada" },
      { id: bob.id, name: "Bob" },
    ]);
    expect(filters.actions).toEqual([
      "member.role_changed",
      "project.created",
      "project.deleted",
      "workspace.created",
    ]);
  });

  it("summarises entries in words, with a fallback for unknown actions", async () => {
    const { caller, ada, bob, workspace } = await acme();
    const entries = [
      { action: "project.created", metadata: { name: "Apollo" } },
      {
        action: "member.role_changed",
        targetType: "user",
        targetId: bob.id,
        metadata: { to: "admin" },
      },
      {
        action: "billing.subscription_changed",
        actorId: null,
        metadata: {
          planBefore: "free",
          planAfter: "pro",
          statusBefore: null,
          statusAfter: "active",
        },
      },
      { action: "invitation.created", metadata: { email: "cy@example.com", role: "member" } },
      { action: "workspace.renamed", metadata: { from: "Acme", to: "Acme Inc" } },
      { action: "project.created", metadata: ["not", "an", "object"] },
      { action: "webhook.retried", metadata: { attempt: 2 } },
    ];
    for (const [i, entry] of entries.entries()) {
      await db.auditLog.create({
        data: {
          workspaceId: workspace.id,
          actorId: ada.id,
          ...entry,
          createdAt: new Date(BASE + i * 1000),
        },
      });
    }
    const { items } = await caller.activity.list({ workspaceSlug: "acme" });
    const summaries = items.map((entry) => [entry.actorLabel, entry.summary]);
    expect(summaries).toEqual([
      ["Ada", "created the workspace Acme"],
      ["Ada", "performed webhook.retried"],
      ["Ada", "created a project"],
      ["Ada", "renamed the workspace from Acme to Acme Inc"],
      ["Ada", "invited cy@example.com as member"],
      ["System", "changed the plan from Free to Pro"],
      ["Ada", "changed Bob's role to admin"],
      ["Ada", "created project Apollo"],
    ]);
    expect(items.at(-1)).toMatchObject({
      action: "project.created",
      actor: { id: ada.id, name: "Ada" },
      metadata: { name: "Apollo" },
      targetType: null,
      targetId: null,
    });
  });

  it("names an actor who has left by their name at the time, and a change by where it came from", async () => {
    const { caller, bob, workspace } = await acme();
    await db.$transaction((tx) =>
      recordAudit(tx, {
        workspaceId: workspace.id,
        actorId: bob.id,
        action: "invitation.accepted",
        metadata: { role: "member" },
      }),
    );
    await db.user.update({ where: { id: bob.id }, data: { name: "Robert" } });
    const [renamed] = (await caller.activity.list({ workspaceSlug: "acme" })).items;
    // A member still here reads as their current name.
    expect(renamed).toMatchObject({ actorLabel: "Robert", viaLabel: null });
    await db.user.delete({ where: { id: bob.id } });
    await db.auditLog.create({
      data: {
        workspaceId: workspace.id,
        actorId: null,
        via: "stripe_portal",
        action: "billing.subscription_resumed",
        metadata: { plan: "team" },
      },
    });
    const { items } = await caller.activity.list({ workspaceSlug: "acme" });
    expect(items.slice(0, 2).map((e) => [e.actor, e.actorLabel, e.viaLabel, e.summary])).toEqual([
      [null, null, "via Stripe portal", "resumed the Team subscription"],
      [null, "Bob (deleted user)", null, "accepted an invitation and joined as member"],
    ]);
  });

  it("never shows another workspace's entries", async () => {
    const { caller, ada, workspace } = await acme();
    await insertEntries(workspace.id, ada.id, 5);
    const eve = await signedInUser("eve@example.com");
    const { caller: eveCaller } = await callerWith(requestHeaders(eve.token));
    await eveCaller.workspace.create({ name: "Eve", slug: "eve" });
    const eveWorkspace = await db.workspace.findUniqueOrThrow({ where: { slug: "eve" } });
    await givePlan(eveWorkspace.id, "team");
    await insertEntries(eveWorkspace.id, eve.user.id, 5);

    const mine = await allPages(caller, {});
    expect(mine).toEqual(await expectedIds(workspace.id));
    expect(mine).toHaveLength(6);
    const theirs = await eveCaller.activity.list({ workspaceSlug: "eve", limit: 100 });
    expect(theirs.items).toHaveLength(6);
    expect(theirs.items.some((entry) => mine.includes(entry.id))).toBe(false);
    // Filtering Eve's log by Ada, or paging it with Ada's cursor, shows nothing of Acme.
    expect(
      (await eveCaller.activity.list({ workspaceSlug: "eve", actorId: ada.id })).items,
    ).toEqual([]);
    const { nextCursor } = await caller.activity.list({ workspaceSlug: "acme", limit: 1 });
    const paged = await eveCaller.activity.list({ workspaceSlug: "eve", cursor: nextCursor });
    expect(paged.items.every((entry) => !mine.includes(entry.id))).toBe(true);
    // signedInUser names every user "Ada": the id tells them apart.
    expect((await eveCaller.activity.filters({ workspaceSlug: "eve" })).actors).toEqual([
      { id: eve.user.id, name: "Ada" },
    ]);

    for (const attempt of [
      () => eveCaller.activity.list({ workspaceSlug: "acme" }),
      () => eveCaller.activity.filters({ workspaceSlug: "acme" }),
    ]) {
      expect((await rejection(attempt())).code).toBe("NOT_FOUND");
    }
  });

  it("answers a tampered cursor with BAD_REQUEST on the cursor field, never a 500", async () => {
    const { caller, ada, workspace } = await acme();
    await insertEntries(workspace.id, ada.id, 10);
    const { nextCursor } = await caller.activity.list({ workspaceSlug: "acme", limit: 2 });
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const tampered = [
      "not-a-cursor",
      "%%%",
      `${nextCursor}x`,
      `x${nextCursor}`,
      encode({ createdAt: "yesterday", id: "x" }),
      encode({ createdAt: "2026-01-01T00:00:00.000Z" }),
      encode({ createdAt: "2026-01-01T00:00:00.000Z", id: "" }),
      encode({ createdAt: "2026-01-01T00:00:00.000Z", id: "x", extra: 1 }),
      encode({ createdAt: "2026-13-45T00:00:00.000Z", id: "x" }),
      encode(["2026-01-01T00:00:00.000Z", "x"]),
      encode(null),
      Buffer.from("{not json").toString("base64url"),
    ];
    for (const cursor of tampered) {
      const error = await rejection(caller.activity.list({ workspaceSlug: "acme", cursor }));
      expect(error.code, cursor).toBe("BAD_REQUEST");
      expect((error.cause as { field?: string }).field, cursor).toBe("cursor");
      expect(error.message).toBe("This page link is invalid or out of date.");
    }
    const tooLong = await rejection(
      caller.activity.list({ workspaceSlug: "acme", cursor: "a".repeat(201) }),
    );
    expect(tooLong.code).toBe("BAD_REQUEST");
    expect(zodFields(tooLong).cursor).toBeDefined();
  });

  it("answers bad filters and page sizes with field errors naming the rule", async () => {
    const { caller } = await acme();
    const fail = async (view: Record<string, unknown>) => {
      const error = await rejection(
        caller.activity.list({ workspaceSlug: "acme", ...view } as never),
      );
      expect(error.code, JSON.stringify(view)).toBe("BAD_REQUEST");
      return zodFields(error);
    };
    expect((await fail({ limit: 101 })).limit).toEqual(["Limit is at most 100."]);
    expect((await fail({ limit: 0 })).limit).toEqual(["Limit is at least 1."]);
    expect((await fail({ limit: 2.5 })).limit).toEqual(["Limit must be a whole number."]);
    expect((await fail({ from: "2024-03-04", to: "2024-03-03" })).to).toEqual([
      "To must be on or after From.",
    ]);
    for (const from of ["2026-02-30", "2026-13-45", "yesterday", "2026-3-4", "'; --"]) {
      expect((await fail({ from })).from?.length, from).toBeGreaterThan(0);
    }
    for (const action of [
      "project.created' OR '1'='1",
      "project.%",
      ".*",
      'project.created; DROP TABLE "AuditLog"; --',
      "(a+)+$",
      "Project.Created",
      "project",
      `project.${"a".repeat(64)}`,
    ]) {
      expect((await fail({ action })).action?.length, action).toBeGreaterThan(0);
    }
    expect((await fail({ actorId: "x".repeat(65) })).actorId).toEqual([
      "Actor is at most 64 characters.",
    ]);
    await fail({ unknown: 1 });
    expect(await db.auditLog.count()).toBe(1);
  });
});
