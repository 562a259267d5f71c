/**
 * Builds Prisma clients over `@prisma/adapter-pg` (a `pg.Pool`). The app's singleton is in
 * `db.ts`; scripts and tests build their own here, for the URL they were given.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

/** Options of {@link createPrismaClient}; durations in ms. */
export interface PrismaClientOptions {
  connectionString: string;
  /** Most pooled connections. */
  max: number;
  /** Time to wait for a connection before the query fails, in ms. */
  connectionTimeoutMs: number;
  /** Emit a "query" event per SQL statement (tests count them: src/test/queries.ts). */
  queryEvents?: boolean;
}

/** Creates a Prisma client with its own pool; connections open on first query. */
export function createPrismaClient(options: PrismaClientOptions): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: options.connectionString,
    max: options.max,
    connectionTimeoutMillis: options.connectionTimeoutMs,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({
    adapter,
    ...(options.queryEvents ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  });
}
