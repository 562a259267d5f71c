/**
 * The app's Prisma client: one per process, its pool sized by `DATABASE_POOL_MAX` and
 * `DATABASE_CONNECTION_TIMEOUT_MS`. In development it is kept on `globalThis`, so hot reloads
 * reuse its pool instead of opening a new one on every edit. The wait for a pooled connection is
 * measured for `/api/metrics` (src/server/telemetry/metrics.ts).
 */
import "server-only";
import { env } from "@/env";
import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient, poolOf } from "@/server/db-client";
import { measureConnectionWait } from "@/server/telemetry/metrics";

const globalForPrisma = globalThis as typeof globalThis & { prisma?: PrismaClient };

export const db: PrismaClient =
  globalForPrisma.prisma ??
  createPrismaClient({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_MAX,
    connectionTimeoutMs: env.DATABASE_CONNECTION_TIMEOUT_MS,
  });

if (env.NODE_ENV !== "production") globalForPrisma.prisma = db;

const pool = poolOf(db);
if (pool) measureConnectionWait(pool);
