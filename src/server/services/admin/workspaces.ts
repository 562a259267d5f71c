/**
 * Admin console, workspaces: search and a workspace's details (members, plan, subscription).
 * Read only; callers are checked by `adminProcedure` (src/server/api/admin.ts).
 */
import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { adminSearchWorkspacesInput } from "@/schemas/admin";
import { effectivePlan } from "@/server/billing/entitlements";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { keysetPage, keysetQuery, likeLiteral, NEWEST_CREATED } from "@/server/pagination";

type SearchInput = Pick<z.output<typeof adminSearchWorkspacesInput>, "q" | "cursor" | "limit">;

/**
 * One page of workspaces, newest first: `q` matches name or slug, case-insensitive, literally.
 * @throws DomainError BAD_REQUEST on "cursor" for a tampered cursor.
 */
export async function searchWorkspaces(input: SearchInput) {
  const and: Prisma.WorkspaceWhereInput[] = [];
  if (input.q) {
    const q = likeLiteral(input.q);
    and.push({
      OR: [
        { name: { contains: q, mode: "insensitive" } },
        { slug: { contains: q, mode: "insensitive" } },
      ],
    });
  }
  const page = keysetQuery<Prisma.WorkspaceWhereInput>(NEWEST_CREATED, input.cursor, input.limit);
  if (page.where) and.push(page.where);
  const rows = await db.workspace.findMany({
    where: { AND: and },
    select: {
      id: true,
      name: true,
      slug: true,
      createdAt: true,
      subscription: { select: { status: true, planSlug: true } },
      _count: { select: { memberships: true, projects: true } },
    },
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = keysetPage(rows, NEWEST_CREATED, input.limit);
  return {
    nextCursor,
    items: items.map(({ subscription, _count, ...workspace }) => ({
      ...workspace,
      plan: effectivePlan(subscription),
      members: _count.memberships,
      projects: _count.projects,
    })),
  };
}

/**
 * A workspace: its members with roles, its effective plan, its Subscription row (as last synced
 * from Stripe; null when never subscribed) and its project count.
 * @throws DomainError NOT_FOUND for an unknown id.
 */
export async function getWorkspace(workspaceId: string) {
  const workspace = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: {
      id: true,
      name: true,
      slug: true,
      stripeCustomerId: true,
      createdAt: true,
      updatedAt: true,
      subscription: true,
      memberships: {
        select: {
          role: true,
          createdAt: true,
          user: { select: { id: true, name: true, email: true, disabledAt: true } },
        },
        orderBy: { createdAt: "asc" },
      },
      _count: { select: { projects: true } },
    },
  });
  if (!workspace) throw new DomainError("NOT_FOUND", "No workspace has this id.");
  const { _count, memberships, ...rest } = workspace;
  return {
    ...rest,
    plan: effectivePlan(workspace.subscription),
    projectCount: _count.projects,
    members: memberships.map(({ user, role, createdAt }) => ({
      ...user,
      role,
      joinedAt: createdAt,
    })),
  };
}
