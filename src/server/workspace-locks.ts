/**
 * Workspace row locks: the one way a transaction serialises itself with every other change to a
 * workspace's limits or roles. A check made after taking the lock stays true until the
 * transaction ends, because every such change takes the same lock first (entitlement checks,
 * transfers, role changes, removals, leaving, account deletion).
 *
 * `SELECT … FOR UPDATE` (https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-ROWS)
 * blocks other lockers of the row until commit or rollback. Take it as the transaction's first
 * statement and lock several rows in id order, so two transactions cannot deadlock. On the
 * embedded server (PGlite) transactions already run one at a time and the lock costs nothing.
 */
import "server-only";
import type { Prisma } from "@/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * Locks the row of workspace `workspaceId` until `tx` ends.
 * @returns false when the workspace no longer exists.
 */
export async function lockWorkspace(tx: Tx, workspaceId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
  return rows.length > 0;
}

/** Locks, in id order, the rows of every workspace `userId` is a member of, until `tx` ends. */
export async function lockWorkspacesOfMember(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`
    SELECT w.id FROM "Workspace" w JOIN "Membership" m ON m."workspaceId" = w.id
    WHERE m."userId" = ${userId} ORDER BY w.id FOR UPDATE OF w`;
}
