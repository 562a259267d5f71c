/**
 * The app's Prisma client: one per process, its pool sized by `DATABASE_POOL_MAX` and
 * `DATABASE_CONNECTION_TIMEOUT_MS`. With `DATABASE_REPLICA_URLS`, one pool of the same size per
 * replica, and model reads of tRPC queries go to the replicas (src/server/db-replicas.ts). In
 * development it is kept on `globalThis`, so hot reloads reuse its pools instead of opening new
 * ones on every edit.
 */
import "server-only";
import { env } from "@/env";
import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient } from "@/server/db-client";
import { withReadReplicas } from "@/server/db-replicas";
import { logger } from "@/server/log";

const globalForPrisma = globalThis as typeof globalThis & { prisma?: PrismaClient };

function createAppClient(): PrismaClient {
  const pool = {
    max: env.DATABASE_POOL_MAX,
    connectionTimeoutMs: env.DATABASE_CONNECTION_TIMEOUT_MS,
  };
  const primary = createPrismaClient({ connectionString: env.DATABASE_URL, ...pool });
  const replicas = env.DATABASE_REPLICA_URLS.map((url) =>
    createPrismaClient({ connectionString: url, ...pool }),
  );
  return withReadReplicas(primary, replicas, {
    onFallback: (replica, reason) =>
      logger.warn({ replica, reason }, "read replica unavailable: reading from the primary"),
  });
}

export const db: PrismaClient = globalForPrisma.prisma ?? createAppClient();

if (env.NODE_ENV !== "production") globalForPrisma.prisma = db;
