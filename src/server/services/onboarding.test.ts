import { expect, it } from "vitest";
import { db } from "@/server/db";
import { dismissChecklist, getChecklist } from "@/server/services/onboarding";
import { findWorkspaceScope } from "@/server/services/workspaces";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { givePlan } from "@/test/plans";
import { signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

async function acme() {
  const { user } = await signedInUser("ada@example.com");
  const workspace = await db.workspace.create({
    data: {
      name: "Acme",
      slug: "acme",
      memberships: { create: { userId: user.id, role: "owner" } },
    },
  });
  const scope = (await findWorkspaceScope(user.id, "acme"))!;
  return { user, workspace, scope };
}

it("ticks each step from the workspace's data", async () => {
  const { workspace, scope } = await acme();
  await expect(getChecklist(scope)).resolves.toEqual({
    dismissed: false,
    steps: { createProject: false, inviteTeammate: false, choosePlan: false },
  });

  await db.project.create({ data: { workspaceId: workspace.id, name: "Apollo" } });
  await db.invitation.create({
    data: {
      workspaceId: workspace.id,
      email: "bob@example.com",
      role: "member",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  await givePlan(workspace.id, "pro");
  await expect(getChecklist(scope)).resolves.toEqual({
    dismissed: false,
    steps: { createProject: true, inviteTeammate: true, choosePlan: true },
  });
});

it("counts a teammate who joined, and a canceled subscription as no plan chosen", async () => {
  const { workspace, scope } = await acme();
  const bob = await db.user.create({
    data: { email: "bob@example.com", name: "Bob", passwordHash: "x" },
  });
  await db.membership.create({
    data: { workspaceId: workspace.id, userId: bob.id, role: "member" },
  });
  await givePlan(workspace.id, "pro");
  await db.subscription.update({
    where: { workspaceId: workspace.id },
    data: { status: "canceled" },
  });
  const { steps } = await getChecklist(scope);
  expect(steps).toMatchObject({ inviteTeammate: true, choosePlan: false });
});

it("keeps a dismissal per user, in every workspace, and only the first time", async () => {
  const { user, scope } = await acme();
  await dismissChecklist(user.id);
  const first = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).checklistDismissedAt;
  expect(first).toBeInstanceOf(Date);
  await dismissChecklist(user.id);
  const again = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).checklistDismissedAt;
  expect(again).toEqual(first);
  expect((await getChecklist(scope)).dismissed).toBe(true);

  // Another member of the same workspace still sees it.
  const bob = await db.user.create({
    data: { email: "bob@example.com", name: "Bob", passwordHash: "x" },
  });
  await db.membership.create({
    data: { workspaceId: scope.workspace.id, userId: bob.id, role: "member" },
  });
  const bobScope = (await findWorkspaceScope(bob.id, "acme"))!;
  expect((await getChecklist(bobScope)).dismissed).toBe(false);
});
