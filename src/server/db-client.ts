/**
 * Builds Prisma clients over `@prisma/adapter-pg` (a `pg.Pool`). The app's singleton is in
 * `db.ts`; scripts and tests build their own here, for the URL they were given.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";

/**
 * The `pg.Pool` behind each client made here, for pool metrics (src/server/telemetry/metrics.ts).
 * On `globalThis`, like the app's client (db.ts): a dev reload re-runs this module but keeps the client.
 */
const globalForPools = globalThis as typeof globalThis & {
  prismaPools?: WeakMap<PrismaClient, pg.Pool>;
};
const pools = (globalForPools.prismaPools ??= new WeakMap());

/** The pool behind `client`, when {@link createPrismaClient} made it. */
export function poolOf(client: PrismaClient): pg.Pool | undefined {
  return pools.get(client);
}

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
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max,
    connectionTimeoutMillis: options.connectionTimeoutMs,
    idleTimeoutMillis: 30_000,
  });
  // The adapter ends a pool it was given when the client disconnects, as it does its own.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({
    adapter,
    ...(options.queryEvents ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  });
  pools.set(client, pool);
  return client;
}
