/**
 * Read replicas: a Prisma client extension that sends model reads to PostgreSQL streaming
 * replicas (`DATABASE_REPLICA_URLS`, wired in db.ts) and everything else to the primary.
 *
 * Why not `@prisma/extension-read-replicas` (0.5, which does support Prisma 7 and driver
 * adapters): it sends every read outside a transaction to a replica, so a read right after the
 * caller's own write can miss it (replicas lag), and a replica that goes away fails every read
 * sent to it. This one does the same routing (the same read operations, transactions always on
 * the primary) with two differences:
 *
 * - **Opt-in, read-your-writes.** Reads go to a replica only inside {@link readYourWrites}
 *   (tRPC query procedures: src/server/api/init.ts), and only until the first write in that
 *   scope; after it the scope's reads go to the primary. Anywhere else (mutations, session checks,
 *   route handlers, webhooks, jobs, scripts) every query is on the primary, so no code that reads
 *   what it just wrote has to know about replicas. {@link readFromPrimary} pins a scope.
 * - **Fallback.** A replica that cannot be reached (refused, reset, shut down: see
 *   `connectionFailureReason`) gets the query re-run on the primary, and is skipped for
 *   {@link REPLICA_RETRY_AFTER_MS} before it is tried again.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaClient } from "@/generated/prisma/client";
import { connectionFailureReason } from "@/server/db-errors";

/** How long a replica that failed to answer is skipped before it is tried again, in ms. */
export const REPLICA_RETRY_AFTER_MS = 10_000;

/** Model operations that only read (as `@prisma/extension-read-replicas` routes them). */
const READ_OPERATIONS = new Set([
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "findUnique",
  "findUniqueOrThrow",
  "groupBy",
  "aggregate",
  "count",
]);

interface RoutingScope {
  /** True once every query of the scope must go to the primary. */
  primary: boolean;
}

const routing = new AsyncLocalStorage<RoutingScope>();

/**
 * Whether any client of this process reads from replicas: without them, the scopes below would
 * only cost every tRPC query an AsyncLocalStorage run, so they are skipped.
 */
let replicasInUse = false;

/**
 * Runs `fn` with model reads on the replicas until its first write; from then on, on the
 * primary (read-your-writes within one request). No effect without replicas.
 */
export async function readYourWrites<T>(fn: () => T | PromiseLike<T>): Promise<T> {
  if (!replicasInUse) return await fn();
  // Awaited inside the scope: Prisma's query promises are lazy, they run when awaited.
  return routing.run({ primary: false }, async () => await fn());
}

/** Runs `fn` with every query on the primary, even inside {@link readYourWrites}. */
export async function readFromPrimary<T>(fn: () => T | PromiseLike<T>): Promise<T> {
  if (!replicasInUse) return await fn();
  return routing.run({ primary: true }, async () => await fn());
}

/** Options of {@link withReadReplicas}. */
export interface ReadReplicaOptions {
  /** Called when a replica failed and its query went to the primary (for a log line). */
  onFallback?: (replica: number, reason: string) => void;
}

/**
 * Extends `primary` so model reads inside {@link readYourWrites} go to one of `replicas` (round
 * robin over those not failed in the last {@link REPLICA_RETRY_AFTER_MS}). Returns `primary`
 * itself when there are no replicas. The result is typed as a plain PrismaClient: a query
 * extension changes no types. `$disconnect()` closes the replicas' pools too.
 */
export function withReadReplicas(
  primary: PrismaClient,
  replicas: PrismaClient[],
  options: ReadReplicaOptions = {},
): PrismaClient {
  if (replicas.length === 0) return primary;
  replicasInUse = true;
  const skipUntil = replicas.map(() => 0);
  let next = 0;

  /** Index of the next healthy replica, or -1 when all are being skipped. */
  function pickReplica(): number {
    for (let i = 0; i < replicas.length; i++) {
      const index = (next + i) % replicas.length;
      if (skipUntil[index]! <= Date.now()) {
        next = index + 1;
        return index;
      }
    }
    return -1;
  }

  const extended = primary.$extends({
    client: {
      async $disconnect() {
        await Promise.all([primary.$disconnect(), ...replicas.map((r) => r.$disconnect())]);
      },
    },
    query: {
      async $allOperations({ model, operation, args, query, ...rest }) {
        // Prisma marks queries of a transaction here (undocumented; the official extension reads
        // it too): they stay on the transaction's connection, on the primary.
        const inTransaction = Boolean(
          (rest as { __internalParams?: { transaction?: unknown } }).__internalParams?.transaction,
        );
        const scope = routing.getStore();
        const isRead = model !== undefined && READ_OPERATIONS.has(operation);
        if (!isRead) {
          if (scope) scope.primary = true; // later reads of this scope must see this write
          return query(args);
        }
        if (!scope || scope.primary || inTransaction) return query(args);
        const index = pickReplica();
        if (index < 0) return query(args);
        type Delegate = Record<string, (args: unknown) => Promise<unknown>>;
        const client = replicas[index] as unknown as Record<string, Delegate>;
        const delegate = client[model.charAt(0).toLowerCase() + model.slice(1)]!;
        try {
          return await delegate[operation]!(args);
        } catch (error) {
          const reason = connectionFailureReason(error);
          if (!reason) throw error;
          skipUntil[index] = Date.now() + REPLICA_RETRY_AFTER_MS;
          options.onFallback?.(index, reason);
          return query(args);
        }
      },
    },
  });
  return extended as unknown as PrismaClient;
}
