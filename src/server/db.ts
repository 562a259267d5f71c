/**
 * The app's Prisma client: one per process, its pool sized by `DATABASE_POOL_MAX` and
 * `DATABASE_CONNECTION_TIMEOUT_MS`. With `DATABASE_REPLICA_URLS`, one pool of the same size per
 * replica, and model reads of tRPC queries go to the replicas (src/server/db-replicas.ts). The
 * wait for a pooled connection is measured for `/api/metrics` (src/server/telemetry/metrics.ts).
 *
 * The client is kept on `globalThis`: in development so hot reloads reuse its pools, and in
 * production because Next's standalone server loads this module in more than one bundle (seen:
 * three pools, 3 × DATABASE_POOL_MAX connections per process, before it was shared).
 */
import "server-only";
import { env } from "@/env";
import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient, poolOf } from "@/server/db-client";
import { withReadReplicas } from "@/server/db-replicas";
import { logger } from "@/server/log";
import { measureConnectionWait } from "@/server/telemetry/metrics";

const globalForPrisma = globalThis as typeof globalThis & { prisma?: PrismaClient };

/** Measures the wait for a connection of `client`'s pool, once (a no-op for a pool it knows). */
function measure(client: PrismaClient): void {
  const pool = poolOf(client);
  if (pool) measureConnectionWait(pool);
}

function createAppClient(): PrismaClient {
  const pool = {
    max: env.DATABASE_POOL_MAX,
    connectionTimeoutMs: env.DATABASE_CONNECTION_TIMEOUT_MS,
  };
  const primary = createPrismaClient({ connectionString: env.DATABASE_URL, ...pool });
  const replicas = env.DATABASE_REPLICA_URLS.map((url) =>
    createPrismaClient({ connectionString: url, ...pool }),
  );
  for (const client of [primary, ...replicas]) measure(client);
  return withReadReplicas(primary, replicas, {
    onFallback: (replica, reason) =>
      logger.warn({ replica, reason }, "read replica unavailable: reading from the primary"),
  });
}

export const db: PrismaClient = (globalForPrisma.prisma ??= createAppClient());
// A client that came from globalThis (src/test/setup.ts puts one there) is measured too.
measure(db);
