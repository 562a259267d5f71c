/**
 * The authorization matrix: every procedure of `appRouter`, called as an anonymous visitor, a
 * member of another workspace, and a member, admin and owner of the workspace, gets the outcome
 * its declared policy says (the procedure catalogue, src/test/procedures.ts). A procedure missing
 * from the catalogue fails the first test.
 */
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/client";
import { appRouter } from "@/server/api/root";
import { can } from "@/schemas/permissions";
import { hashPassword } from "@/server/auth/password";
import { createSession } from "@/server/auth/session";
import { generateToken, hashToken } from "@/server/auth/tokens";
import { db } from "@/server/db";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { givePlan } from "@/test/plans";
import {
  createSampleImport,
  createSampleRows,
  PROCEDURES,
  procedureAt,
  SAMPLE_PASSWORD,
  type Policy,
  type SampleContext,
  type SampleRows,
} from "@/test/procedures";
import { callerWith, requestHeaders } from "@/test/trpc";

cleanDatabaseBeforeEach();

/** "staff" is a SaaS operator (`User.isAdmin`) who is not in the workspace. */
type Caller = "anonymous" | "outsider" | "staff" | "editor" | Role;
const CALLERS: Caller[] = ["anonymous", "outsider", "member", "admin", "owner", "staff", "editor"];
let passwordHash: string;

interface Fixture {
  slug: string;
  users: Record<
    "owner" | "admin" | "member" | "target" | "outsider" | "staff" | "editor",
    { id: string; email: string }
  >;
  invitation: { id: string; token: string };
  projectId: string;
  workspaceId: string;
  /** A failed export of acme, so a retry passes every check but the caller's. */
  exportId: string;
  /** A draft project import of acme with its file stored. */
  importId: string;
  /** A draft post by staff. */
  postId: string;
  /** A stored Stripe event of a type no handler takes (a replay is "ignored", no Stripe call). */
  stripeEventId: string;
  /** An invitation addressed to the caller, in a workspace they are not in. */
  invitationForCaller: string | null;
  caller: { email: string; sessionId: string } | null;
  rows: SampleRows;
}

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2)}`;

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
  const [owner, admin, member, target, outsider, staff, editor] = await Promise.all(
    ["owner", "admin", "member", "target", "outsider", "staff", "editor"].map(user),
  );
  await db.user.update({ where: { id: staff!.id }, data: { isAdmin: true } });
  await db.user.update({ where: { id: editor!.id }, data: { isEditor: true } });
  const post = await db.post.create({
    data: {
      kind: "blog",
      title: "Draft",
      slug: "draft",
      excerpt: "A draft.",
      body: "Draft body.",
      authorId: staff!.id,
    },
  });
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
    editor: editor!,
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
    importId: await createSampleImport(db, acme.id, owner!.id),
    postId: post.id,
    stripeEventId,
    invitationForCaller,
    caller: session,
    rows: await createSampleRows(db, acme.id),
  };
  return { f, headers };
}

/** The catalogue's view of the fixture. */
function sampleContext(f: Fixture): SampleContext {
  return {
    slug: f.slug,
    workspaceId: f.workspaceId,
    projectId: f.projectId,
    exportId: f.exportId,
    importId: f.importId,
    postId: f.postId,
    stripeEventId: f.stripeEventId,
    invitation: f.invitation,
    targetId: f.users.target.id,
    ownerEmail: f.users.owner.email,
    callerSessionId: f.caller?.sessionId ?? "0".repeat(64),
    invitationForCaller: f.invitationForCaller ?? "none",
    rows: f.rows,
  };
}

/** "ok", or the tRPC error code of the call. */
async function outcome(path: string, caller: Caller): Promise<string> {
  const { f, headers } = await fixture(caller);
  const { caller: api } = await callerWith(headers);
  const fn = procedureAt(api, path);
  try {
    await fn(PROCEDURES[path]!.input?.(sampleContext(f)));
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
  if (policy.kind === "editor") {
    if (caller === "staff" || caller === "editor") {
      expect([...AUTH_FAILURES, "NOT_FOUND"]).not.toContain(result);
    } else expect(result).toBe("NOT_FOUND");
    return;
  }
  if (caller === "outsider" || caller === "staff" || caller === "editor") {
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
  passwordHash = await hashPassword(SAMPLE_PASSWORD);
});

describe("authorization matrix", () => {
  it("declares a policy for every procedure of appRouter, and for nothing else", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(PROCEDURES).sort()).toEqual(procedures);
  });

  for (const path of Object.keys(PROCEDURES)) {
    it(`${path}: ${JSON.stringify(PROCEDURES[path]!.policy)}`, async () => {
      const results: Record<string, string> = {};
      for (const caller of CALLERS) {
        if (caller !== CALLERS[0]) await db.$executeRawUnsafe(truncateSql);
        results[caller] = await outcome(path, caller);
        check(PROCEDURES[path]!.policy, caller, results[caller]!);
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
