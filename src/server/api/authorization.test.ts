/**
 * The authorization matrix: every procedure of `appRouter`, called as an anonymous visitor, a
 * member of another workspace, and a member, admin and owner of the workspace, gets the outcome
 * its declared policy says. A procedure missing from POLICIES fails the first test.
 */
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/client";
import { appRouter } from "@/server/api/root";
import { can, type Permission } from "@/server/auth/permissions";
import { hashPassword } from "@/server/auth/password";
import { createSession } from "@/server/auth/session";
import { generateToken, hashToken } from "@/server/auth/tokens";
import { db } from "@/server/db";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { givePlan } from "@/test/plans";
import { procedureAt } from "@/test/procedures";
import { callerWith, requestHeaders } from "@/test/trpc";

cleanDatabaseBeforeEach();

/** "staff" is a SaaS operator (`User.isAdmin`) who is not in the workspace. */
type Caller = "anonymous" | "outsider" | "staff" | Role;
const CALLERS: Caller[] = ["anonymous", "outsider", "member", "admin", "owner", "staff"];
const PASSWORD = "matrix password 1";
let passwordHash: string;

type Policy =
  | { kind: "public" }
  | { kind: "signedIn" }
  /** A workspace procedure; `permission` undefined = any member. */
  | { kind: "workspace"; permission?: Permission }
  /** An admin console procedure: staff only; NOT_FOUND to anyone else signed in. */
  | { kind: "admin" };

interface Fixture {
  slug: string;
  users: Record<
    "owner" | "admin" | "member" | "target" | "outsider" | "staff",
    { id: string; email: string }
  >;
  invitation: { id: string; token: string };
  projectId: string;
  workspaceId: string;
  /** A failed export of acme, so a retry passes every check but the caller's. */
  exportId: string;
  /** A stored Stripe event of a type no handler takes (a replay is "ignored", no Stripe call). */
  stripeEventId: string;
  /** An invitation addressed to the caller, in a workspace they are not in. */
  invitationForCaller: string | null;
  caller: { email: string; sessionId: string } | null;
}

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2)}`;
const fakeToken = "x".repeat(43);

/** Policy and a valid sample input of every procedure. */
const POLICIES: Record<string, { policy: Policy; input?: (f: Fixture) => unknown }> = {
  "plan.list": { policy: { kind: "public" } },
  "plan.bySlug": { policy: { kind: "public" }, input: () => ({ slug: "free" }) },

  "account.me": { policy: { kind: "public" } },
  "account.signUp": {
    policy: { kind: "public" },
    input: () => ({ name: "New", email: `new-${unique()}@example.com`, password: PASSWORD }),
  },
  "account.resendVerification": {
    policy: { kind: "public" },
    input: () => ({ email: "a@example.com" }),
  },
  "account.verifyEmail": {
    policy: { kind: "public" },
    input: () => ({ token: fakeToken, password: PASSWORD }),
  },
  "account.requestPasswordReset": {
    policy: { kind: "public" },
    input: () => ({ email: "a@example.com" }),
  },
  "account.resetPassword": {
    policy: { kind: "public" },
    input: () => ({ token: fakeToken, password: "a new password" }),
  },
  "account.confirmEmailChange": { policy: { kind: "public" }, input: () => ({ token: fakeToken }) },
  "account.changePassword": {
    policy: { kind: "signedIn" },
    input: () => ({ currentPassword: PASSWORD, newPassword: "another password" }),
  },
  "account.requestEmailChange": {
    policy: { kind: "signedIn" },
    input: () => ({ newEmail: `moved-${unique()}@example.com`, password: PASSWORD }),
  },
  "account.delete": { policy: { kind: "signedIn" }, input: () => ({ password: PASSWORD }) },

  "session.signIn": {
    policy: { kind: "public" },
    input: (f) => ({ email: f.users.owner.email, password: PASSWORD }),
  },
  "session.signOut": { policy: { kind: "public" } },
  "session.list": { policy: { kind: "signedIn" } },
  "session.revoke": {
    policy: { kind: "signedIn" },
    input: (f) => ({ sessionId: f.caller?.sessionId ?? "0".repeat(64) }),
  },
  "session.revokeOthers": { policy: { kind: "signedIn" } },

  "workspace.list": { policy: { kind: "signedIn" } },
  "workspace.create": {
    policy: { kind: "signedIn" },
    input: () => ({ name: "New team", slug: `new-${Math.random().toString(36).slice(2, 10)}` }),
  },
  "workspace.get": { policy: { kind: "workspace" }, input: (f) => ({ workspaceSlug: f.slug }) },
  "workspace.rename": {
    policy: { kind: "workspace", permission: "workspace:update" },
    input: (f) => ({ workspaceSlug: f.slug, name: "Renamed" }),
  },
  "workspace.transferOwnership": {
    policy: { kind: "workspace", permission: "workspace:transfer" },
    input: (f) => ({ workspaceSlug: f.slug, userId: f.users.target.id }),
  },
  "workspace.delete": {
    policy: { kind: "workspace", permission: "workspace:delete" },
    input: (f) => ({ workspaceSlug: f.slug, confirmSlug: f.slug }),
  },
  "workspace.leave": { policy: { kind: "workspace" }, input: (f) => ({ workspaceSlug: f.slug }) },

  "member.list": { policy: { kind: "workspace" }, input: (f) => ({ workspaceSlug: f.slug }) },
  "member.updateRole": {
    policy: { kind: "workspace", permission: "members:manage" },
    input: (f) => ({ workspaceSlug: f.slug, userId: f.users.target.id, role: "admin" }),
  },
  "member.remove": {
    policy: { kind: "workspace", permission: "members:manage" },
    input: (f) => ({ workspaceSlug: f.slug, userId: f.users.target.id }),
  },

  "invitation.list": {
    policy: { kind: "workspace", permission: "members:invite" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },
  "invitation.create": {
    policy: { kind: "workspace", permission: "members:invite" },
    input: (f) => ({ workspaceSlug: f.slug, email: `inv-${unique()}@example.com`, role: "member" }),
  },
  "invitation.resend": {
    policy: { kind: "workspace", permission: "members:invite" },
    input: (f) => ({ workspaceSlug: f.slug, invitationId: f.invitation.id }),
  },
  "invitation.revoke": {
    policy: { kind: "workspace", permission: "members:invite" },
    input: (f) => ({ workspaceSlug: f.slug, invitationId: f.invitation.id }),
  },
  "invitation.get": { policy: { kind: "public" }, input: (f) => ({ token: f.invitation.token }) },
  "invitation.listMine": { policy: { kind: "signedIn" } },
  "invitation.accept": {
    policy: { kind: "signedIn" },
    input: (f) => ({ invitationId: f.invitationForCaller ?? "none" }),
  },

  "billing.plans": { policy: { kind: "public" } },
  "billing.subscription": {
    policy: { kind: "workspace" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },
  // Acme is subscribed already: an allowed caller gets CONFLICT without reaching Stripe.
  "billing.createCheckoutSession": {
    policy: { kind: "workspace", permission: "billing:manage" },
    input: (f) => ({ workspaceSlug: f.slug, plan: "pro", interval: "month" }),
  },
  "billing.createPortalSession": {
    policy: { kind: "workspace", permission: "billing:manage" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },

  "activity.list": { policy: { kind: "workspace" }, input: (f) => ({ workspaceSlug: f.slug }) },
  "activity.filters": { policy: { kind: "workspace" }, input: (f) => ({ workspaceSlug: f.slug }) },

  "dashboard.overview": {
    policy: { kind: "workspace" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },

  "project.update": {
    policy: { kind: "workspace", permission: "projects:write" },
    input: (f) => ({ workspaceSlug: f.slug, projectId: f.projectId, status: "paused" }),
  },
  "admin.users.list": { policy: { kind: "admin" }, input: () => ({ q: "example" }) },
  "admin.users.get": { policy: { kind: "admin" }, input: (f) => ({ userId: f.users.target.id }) },
  "admin.users.disable": {
    policy: { kind: "admin" },
    input: (f) => ({ userId: f.users.target.id }),
  },
  "admin.users.enable": {
    policy: { kind: "admin" },
    input: (f) => ({ userId: f.users.target.id }),
  },
  "admin.users.signOut": {
    policy: { kind: "admin" },
    input: (f) => ({ userId: f.users.target.id }),
  },
  "admin.workspaces.list": { policy: { kind: "admin" }, input: () => ({ q: "acme" }) },
  "admin.workspaces.get": {
    policy: { kind: "admin" },
    input: (f) => ({ workspaceId: f.workspaceId }),
  },
  "admin.stripeEvents.list": { policy: { kind: "admin" }, input: () => ({ status: "received" }) },
  "admin.stripeEvents.get": {
    policy: { kind: "admin" },
    input: (f) => ({ eventId: f.stripeEventId }),
  },
  "admin.stripeEvents.replay": {
    policy: { kind: "admin" },
    input: (f) => ({ eventId: f.stripeEventId }),
  },
  // An unknown queue: staff pass the gate and get BAD_REQUEST, without starting pg-boss.
  "admin.jobs.list": { policy: { kind: "admin" }, input: () => ({ queue: "no-such-queue" }) },
  "admin.jobs.retry": {
    policy: { kind: "admin" },
    input: () => ({ queue: "no-such-queue", jobId: "00000000-0000-4000-8000-000000000000" }),
  },
  "admin.auditLog.list": { policy: { kind: "admin" }, input: () => ({}) },

  "export.request": {
    policy: { kind: "workspace", permission: "projects:write" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },
  "export.list": { policy: { kind: "workspace" }, input: (f) => ({ workspaceSlug: f.slug }) },
  "export.retry": {
    policy: { kind: "workspace", permission: "projects:write" },
    input: (f) => ({ workspaceSlug: f.slug, exportId: f.exportId }),
  },

  "project.list": { policy: { kind: "workspace" }, input: (f) => ({ workspaceSlug: f.slug }) },
  "project.create": {
    policy: { kind: "workspace", permission: "projects:write" },
    input: (f) => ({ workspaceSlug: f.slug, name: "Launch" }),
  },
  "project.delete": {
    policy: { kind: "workspace", permission: "projects:write" },
    input: (f) => ({ workspaceSlug: f.slug, projectId: f.projectId }),
  },
};

async function user(name: string) {
  return db.user.create({
    data: {
      name,
      email: `${name}-${unique()}@example.com`,
      passwordHash,
      emailVerifiedAt: new Date(),
    },
  });
}

/** A fresh world: workspace "acme" on the Pro plan with owner, admin, member and a target
 * member, a project and a pending invitation; an outsider owning "other"; the caller signed in. */
async function fixture(caller: Caller) {
  const [owner, admin, member, target, outsider, staff] = await Promise.all(
    ["owner", "admin", "member", "target", "outsider", "staff"].map(user),
  );
  await db.user.update({ where: { id: staff!.id }, data: { isAdmin: true } });
  const stripeEventId = `evt_matrix_${unique().replace(/[^A-Za-z0-9]/g, "")}`;
  await db.stripeEvent.create({
    data: {
      id: stripeEventId,
      type: "customer.discount.created",
      payload: {
        id: stripeEventId,
        object: "event",
        type: "customer.discount.created",
        created: 0,
        data: { object: {} },
      },
      stripeCreatedAt: new Date(),
    },
  });
  const acme = await db.workspace.create({
    data: {
      name: "Acme",
      slug: "acme",
      memberships: {
        create: [
          { userId: owner!.id, role: "owner" },
          { userId: admin!.id, role: "admin" },
          { userId: member!.id, role: "member" },
          { userId: target!.id, role: "member" },
        ],
      },
    },
  });
  // Pro (10 members, 50 projects) leaves room for every procedure's sample input.
  await givePlan(acme.id, "pro");
  const project = await db.project.create({
    data: { workspaceId: acme.id, ownerId: owner!.id, name: "Acme project" },
  });
  const failedExport = await db.export.create({
    data: { workspaceId: acme.id, status: "failed", error: "The export failed: test" },
  });
  const other = await db.workspace.create({
    data: {
      name: "Other",
      slug: "other",
      memberships: { create: { userId: outsider!.id, role: "owner" } },
    },
  });
  const token = generateToken();
  const invitation = await db.invitation.create({
    data: {
      workspaceId: acme.id,
      email: "invitee@example.com",
      role: "member",
      tokenHash: hashToken(token),
      invitedById: owner!.id,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  const users = {
    owner: owner!,
    admin: admin!,
    member: member!,
    target: target!,
    outsider: outsider!,
    staff: staff!,
  };
  const signedIn = caller === "anonymous" ? null : users[caller];
  let invitationForCaller: string | null = null;
  let session: { email: string; sessionId: string } | null = null;
  let headers = requestHeaders();
  if (signedIn) {
    const created = await createSession(signedIn.id, { ipAddress: null, userAgent: null });
    headers = requestHeaders(created.id);
    session = { email: signedIn.email, sessionId: hashToken(created.id) };
    const elsewhere = caller === "outsider" ? acme.id : other.id;
    invitationForCaller = (
      await db.invitation.create({
        data: {
          workspaceId: elsewhere,
          email: signedIn.email,
          role: "member",
          tokenHash: hashToken(generateToken()),
          expiresAt: new Date(Date.now() + 3_600_000),
        },
      })
    ).id;
  }
  const f: Fixture = {
    slug: "acme",
    users,
    invitation: { id: invitation.id, token },
    projectId: project.id,
    workspaceId: acme.id,
    exportId: failedExport.id,
    stripeEventId,
    invitationForCaller,
    caller: session,
  };
  return { f, headers };
}

/** "ok", or the tRPC error code of the call. */
async function outcome(path: string, caller: Caller): Promise<string> {
  const { f, headers } = await fixture(caller);
  const { caller: api } = await callerWith(headers);
  const fn = procedureAt(api, path);
  try {
    await fn(POLICIES[path]!.input?.(f));
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

const AUTH_FAILURES = ["UNAUTHORIZED", "FORBIDDEN"];

function check(policy: Policy, caller: Caller, result: string) {
  if (policy.kind === "public") {
    expect(AUTH_FAILURES).not.toContain(result);
    return;
  }
  if (caller === "anonymous") {
    expect(result).toBe("UNAUTHORIZED");
    return;
  }
  if (policy.kind === "signedIn") {
    expect(AUTH_FAILURES).not.toContain(result);
    return;
  }
  if (policy.kind === "admin") {
    if (caller === "staff") expect([...AUTH_FAILURES, "NOT_FOUND"]).not.toContain(result);
    else expect(result).toBe("NOT_FOUND");
    return;
  }
  if (caller === "outsider" || caller === "staff") {
    expect(result).toBe("NOT_FOUND");
    return;
  }
  if (policy.permission && !can(caller, policy.permission)) {
    expect(result).toBe("FORBIDDEN");
    return;
  }
  expect([...AUTH_FAILURES, "NOT_FOUND"]).not.toContain(result);
}

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

describe("authorization matrix", () => {
  it("declares a policy for every procedure of appRouter, and for nothing else", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(POLICIES).sort()).toEqual(procedures);
  });

  for (const path of Object.keys(POLICIES)) {
    it(`${path}: ${JSON.stringify(POLICIES[path]!.policy)}`, async () => {
      const results: Record<string, string> = {};
      for (const caller of CALLERS) {
        if (caller !== CALLERS[0]) await db.$executeRawUnsafe(truncateSql);
        results[caller] = await outcome(path, caller);
        check(POLICIES[path]!.policy, caller, results[caller]!);
      }
    });
  }
});

/** Empties the tables between the callers of one test (the hook does it between tests). */
let truncateSql = "";
beforeAll(async () => {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  truncateSql = `TRUNCATE TABLE ${tables.map((t) => `"public"."${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`;
});
