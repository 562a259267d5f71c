/**
 * What several views of one workspace read alike — its `Subscription` row, how many projects,
 * members and pending invitations it has and the bytes its files hold — read in two statements
 * (the counts in one), and
 * once per request: the overview page's layout (plan badge, `billing.subscription`), its
 * dashboard (`dashboard.overview`) and its checklist (`onboarding.checklist`) all need them.
 */
import "server-only";
import type { Subscription } from "@/generated/prisma/client";
import { db } from "@/server/db";

/** The usage of a workspace: `subscription` (null when never subscribed) and counts. */
export interface WorkspaceUsage {
  subscription: Subscription | null;
  projects: number;
  members: number;
  /** Pending invitations. */
  invitations: number;
  /** Bytes its uploads hold or have reserved (every status but failed), against `storageBytes`. */
  storageBytes: number;
}

/**
 * A request's memo of reads shared by its queries, keyed by what was read. Only on the scopes
 * tRPC resolves for one request's queries (src/server/api/init.ts); a mutation's scope has none,
 * so it always reads afresh (it may change what another read).
 */
export type RequestReads = Map<string, Promise<unknown>>;

/** `read()` from the request's memo under `key` when `reads` is given; a failure is not kept. */
function memo<T>(reads: RequestReads | undefined, key: string, read: () => Promise<T>): Promise<T> {
  const cached = reads?.get(key) as Promise<T> | undefined;
  if (cached) return cached;
  const value = read();
  if (reads) {
    reads.set(key, value);
    value.catch(() => reads.delete(key));
  }
  return value;
}

type UsageScope = { workspace: { id: string }; reads?: RequestReads };

/**
 * The `Subscription` row of the scope's workspace (null when never subscribed), once per request
 * (the plan decides the activity window, the badge, the limits).
 */
export function getWorkspaceSubscription(scope: UsageScope): Promise<Subscription | null> {
  const workspaceId = scope.workspace.id;
  return memo(scope.reads, `subscription:${workspaceId}`, () =>
    db.subscription.findUnique({ where: { workspaceId } }),
  );
}

/** Reads the usage of the scope's workspace (2 statements, or 1 with the subscription known). */
async function readUsage(scope: UsageScope): Promise<WorkspaceUsage> {
  const workspaceId = scope.workspace.id;
  const [subscription, [counts]] = await Promise.all([
    getWorkspaceSubscription(scope),
    db.$queryRaw<
      { projects: number; members: number; invitations: number; storageBytes: number }[]
    >`
      SELECT
        (SELECT count(*) FROM "Project" WHERE "workspaceId" = ${workspaceId})::int AS projects,
        (SELECT count(*) FROM "Membership" WHERE "workspaceId" = ${workspaceId})::int AS members,
        (SELECT count(*) FROM "Invitation" WHERE "workspaceId" = ${workspaceId})::int AS invitations,
        (SELECT COALESCE(sum("size"), 0) FROM "Upload"
          WHERE "workspaceId" = ${workspaceId} AND "status" <> 'failed')::float8 AS "storageBytes"`,
  ]);
  return {
    subscription,
    projects: counts?.projects ?? 0,
    members: counts?.members ?? 0,
    invitations: counts?.invitations ?? 0,
    storageBytes: counts?.storageBytes ?? 0,
  };
}

/**
 * The usage of the scope's workspace: from the request's memo when the scope carries one
 * (`reads`), else read now.
 */
export function getWorkspaceUsage(scope: UsageScope): Promise<WorkspaceUsage> {
  return memo(scope.reads, `usage:${scope.workspace.id}`, () => readUsage(scope));
}
