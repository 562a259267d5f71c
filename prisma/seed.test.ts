import { verify } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_PROJECT_COUNT, DEMO_USERS, DEMO_WORKSPACE } from "./demo";
import { seed } from "./seed";
import { db } from "@/server/db";
import { cleanDatabaseBeforeEach } from "@/test/database";

cleanDatabaseBeforeEach();

const DAY_MS = 86_400_000;
const demoEmails = DEMO_USERS.map((user) => user.email);

describe("seed", () => {
  it("returns a summary of the demo workspace", async () => {
    const summary = await seed(db);
    expect(summary).toEqual({
      demo: {
        email: "demo@example.com",
        password: "demo-password-123",
        workspaceSlug: "acme-demo",
        projects: DEMO_PROJECT_COUNT,
        activity: await db.auditLog.count(),
      },
    });
  });
});

describe("seed: demo workspace", () => {
  it("creates the demo data once and restores it on a second run", async () => {
    const now = new Date();
    const first = await seed(db, now);
    const workspace = await db.workspace.findUniqueOrThrow({
      where: { slug: DEMO_WORKSPACE.slug },
    });
    const demoOwner = await db.user.findUniqueOrThrow({ where: { email: "demo@example.com" } });
    // A developer plays with the demo: renames it, edits roles, deletes a project, adds activity.
    await db.workspace.update({ where: { id: workspace.id }, data: { name: "Renamed" } });
    await db.membership.updateMany({
      where: { workspaceId: workspace.id },
      data: { role: "member" },
    });
    await db.project.deleteMany({ where: { workspaceId: workspace.id, status: "archived" } });
    await db.auditLog.create({
      data: { workspaceId: workspace.id, actorId: demoOwner.id, action: "workspace.renamed" },
    });
    const second = await seed(db, now);

    expect(second.demo).toEqual(first.demo);
    expect(await db.user.count({ where: { email: { in: demoEmails } } })).toBe(4);
    const workspaces = await db.workspace.findMany({ where: { slug: DEMO_WORKSPACE.slug } });
    expect(workspaces).toEqual([expect.objectContaining({ id: workspace.id, name: "Acme Inc" })]);
    const memberships = await db.membership.findMany({
      where: { workspaceId: workspace.id },
      select: { role: true, user: { select: { email: true } } },
    });
    expect(memberships).toHaveLength(4);
    // The demo operator is staff (/admin) and in no workspace.
    expect(
      await db.user.findUniqueOrThrow({
        where: { email: "staff@example.com" },
        select: { isAdmin: true, memberships: true },
      }),
    ).toEqual({ isAdmin: true, memberships: [] });
    expect(memberships.filter((m) => m.role === "owner")).toEqual([
      { role: "owner", user: { email: "demo@example.com" } },
    ]);
    expect(Object.fromEntries(memberships.map((m) => [m.user.email, m.role]))).toEqual(
      Object.fromEntries(DEMO_USERS.map((user) => [user.email, user.role])),
    );
    expect(await db.project.count({ where: { workspaceId: workspace.id } })).toBe(40);
    expect(await db.auditLog.count({ where: { workspaceId: workspace.id } })).toBe(
      first.demo!.activity,
    );
  });

  it("varies the projects: statuses, owners among the demo users, dates in the last 90 days", async () => {
    const now = new Date();
    await seed(db, now);
    const projects = await db.project.findMany({
      where: { workspace: { slug: DEMO_WORKSPACE.slug } },
      include: { owner: { select: { email: true } } },
    });
    const count = (status: string) => projects.filter((p) => p.status === status).length;
    expect(count("active")).toBeGreaterThan(count("paused"));
    expect(count("paused")).toBeGreaterThan(0);
    expect(count("archived")).toBeGreaterThan(0);
    expect(new Set(projects.map((p) => p.name)).size).toBe(40);
    expect(new Set(projects.map((p) => p.owner?.email)).size).toBeGreaterThan(1);
    for (const project of projects) {
      expect(demoEmails).toContain(project.owner?.email);
      expect(project.createdAt.getTime()).toBeGreaterThan(now.getTime() - 90 * DAY_MS);
      expect(project.updatedAt.getTime()).toBeGreaterThanOrEqual(project.createdAt.getTime());
      expect(project.updatedAt.getTime()).toBeLessThanOrEqual(now.getTime());
    }
  });

  it("spreads the activity over at least 80 days of the last 90, all by demo users", async () => {
    const now = new Date();
    await seed(db, now);
    const users = await db.user.findMany({ where: { email: { in: demoEmails } } });
    const entries = await db.auditLog.findMany({
      where: { workspace: { slug: DEMO_WORKSPACE.slug } },
    });
    const projectIds = new Set(
      (await db.project.findMany({ select: { id: true } })).map((project) => project.id),
    );
    expect(entries.length).toBeGreaterThan(90);
    for (const entry of entries) {
      expect(entry.createdAt.getTime()).toBeGreaterThan(now.getTime() - 90 * DAY_MS);
      expect(entry.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(users.map((user) => user.id)).toContain(entry.actorId);
      if (entry.action.startsWith("project.")) {
        expect(entry.targetType).toBe("project");
        expect(projectIds.has(entry.targetId ?? "")).toBe(true);
      }
    }
    const days = new Set(entries.map((entry) => entry.createdAt.toISOString().slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(80);
    expect(new Set(entries.map((entry) => entry.action))).toEqual(
      new Set([
        "project.created",
        "project.updated",
        "project.archived",
        "member.role_changed",
        "invitation.created",
      ]),
    );
  });

  it("lets the demo owner sign in with the demo password, verified", async () => {
    await seed(db);
    const owner = await db.user.findUniqueOrThrow({ where: { email: "demo@example.com" } });
    expect(owner.emailVerifiedAt).not.toBeNull();
    await expect(verify(owner.passwordHash, DEMO_PASSWORD)).resolves.toBe(true);
    await expect(verify(owner.passwordHash, "wrong-password")).resolves.toBe(false);
  });
});
