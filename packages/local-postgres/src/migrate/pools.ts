/**
 * `pg` pools and connections as the schema engine needs them: errors that keep the connection,
 * discrete pool settings (never a connection string), and connecting with retries while a
 * pglite-socket server is still detaching the previous connection.
 */
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";
import { CatalogSafeClient } from "./char-columns";

/**
 * `pg.Pool#query` releases its client *with the error* when a query fails, and pg-pool then
 * destroys that connection. Harmless on PostgreSQL; on PGLiteSocketServer (default
 * `maxConnections: 1`) the replacement connection is refused while the old socket is still
 * detaching ("Connection terminated unexpectedly" — e.g. when the engine writes the failure log
 * of a broken migration). SQL errors leave the connection usable, so this pool keeps it.
 */
export class StickyPool extends pg.Pool {}
{
  const originalPoolQuery = pg.Pool.prototype.query as unknown as (
    this: pg.Pool,
    ...args: unknown[]
  ) => unknown;
  const stickyQuery = async function (this: pg.Pool, ...args: unknown[]): Promise<unknown> {
    const client = await this.connect();
    let broken: Error | undefined;
    try {
      return await (client.query as unknown as (...a: unknown[]) => Promise<unknown>).apply(
        client,
        args,
      );
    } catch (error) {
      if (!(error instanceof pg.DatabaseError))
        broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(broken);
    }
  };
  (StickyPool.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
    this: pg.Pool,
    ...args: unknown[]
  ): unknown {
    // Callback style (not used by adapter-pg or this module): keep pg's behaviour.
    if (typeof args.at(-1) === "function") return originalPoolQuery.apply(this, args);
    return stickyQuery.apply(this, args);
  };
}

/**
 * Turns a connection string into a discrete `pg.PoolConfig`.
 *
 * Never keep `connectionString` in the config: `PrismaPg#connectToShadowDb` does
 * `new Pool({ ...config, database: shadowName })`, and pg lets `connectionString` override
 * `database` — the "shadow" pool would silently connect to the MAIN database and the engine
 * would replay every migration there.
 */
export function poolConfigFor(connectionString: string, max: number): pg.PoolConfig {
  const clientConfig = parseIntoClientConfig(connectionString);
  // idleTimeoutMillis 0: keep the warmed-up connection for the handle's lifetime.
  return { ...clientConfig, max, idleTimeoutMillis: 0, Client: CatalogSafeClient };
}

/** `host:port/database` identity of a connection string, to refuse shadow == main. */
export function serverAndDatabase(connectionString: string): string {
  const c = parseIntoClientConfig(connectionString);
  return `${c.host ?? "localhost"}:${String(c.port ?? 5432)}/${c.database ?? ""}`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Connection refused/reset while a previous connection is still being torn down. */
function isTransientConnectError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Connection terminated unexpectedly|ECONNRESET|ECONNREFUSED|Too many connections/iu.test(
    message,
  );
}

/**
 * Connects with a few retries. PGLiteSocketServer (default `maxConnections: 1`) drops a new
 * connection while the previous client's socket is still being detached, which happens when
 * connections are opened right after `pool.end()` / `client.end()`.
 */
export async function withConnectRetry<T>(connect: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await connect();
    } catch (error) {
      if (attempt >= attempts || !isTransientConnectError(error)) throw error;
      await sleep(25 * attempt);
    }
  }
}

/** Opens the pool's first connection (with retries) so the engine's queries reuse it. */
export async function warmUp(pool: pg.Pool): Promise<void> {
  const client = await withConnectRetry(() => pool.connect());
  client.release();
}
