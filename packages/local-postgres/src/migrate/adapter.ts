/**
 * The driver adapter the schema engine runs on: `@prisma/adapter-pg`, fixed for migrations
 * (whole scripts, `"char"` columns, pg errors as Prisma's), with the shadow database it asks for.
 */
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { patchQueryable } from "./char-columns";
import { poolConfigFor, serverAndDatabase, StickyPool, warmUp } from "./pools";

/** Prefix of the throw-away databases that `PrismaPg#connectToShadowDb` creates. */
const SHADOW_DB_PREFIX = "prisma_migrate_shadow_db_";

/**
 * Fixes an adapter-pg adapter for schema-engine use:
 * - `"char"` columns typed `Character` (char-columns.ts), also in transactions;
 * - `executeScript` sends the whole script as ONE simple-protocol query, like the native engine.
 *   adapter-pg 7.10.1 does `script.split(";")` and runs the pieces one by one, which breaks any
 *   migration with a `;` inside a string literal, comment, `DO $$ ... $$` block or function body.
 */
function patchAdapter(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  adapter.executeScript = async (script: string): Promise<void> => {
    try {
      await pool.query(script);
    } catch (error) {
      throw toDriverAdapterError(error);
    }
  };
  patchQueryable(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel?: IsolationLevel): Promise<Transaction> =>
    patchQueryable(await startTransaction(isolationLevel));
  return adapter;
}

/** pg `DatabaseError` -> the generic `postgres` DriverAdapterError the engine understands. */
function toDriverAdapterError(error: unknown): unknown {
  if (!(error instanceof pg.DatabaseError) || typeof error.code !== "string") return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: error.code,
    severity: error.severity ?? "ERROR",
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
    originalCode: error.code,
    originalMessage: error.message,
  });
}

/**
 * Where the engine gets a shadow database (needed only to diff `from: {tag: "migrations"}`):
 * - `"create"` — `CREATE DATABASE prisma_migrate_shadow_db_<uuid>` on the same server, dropped
 *   afterwards (what `prisma migrate dev` does). Needs CREATEDB and a multi-database server, so
 *   NOT PGlite (PGlite accepts CREATE DATABASE, but every connection lands in `postgres`;
 *   this module detects that and refuses instead of replaying migrations on the main DB).
 * - `{ connectionString }` — a dedicated, disposable database (Prisma's `shadowDatabaseUrl`).
 *   Its contents are destroyed. For PGlite, a second in-memory PGlite server works.
 * - `"none"` — refuse.
 */
export type ShadowDatabaseOption = "create" | "none" | { connectionString: string };

export class PgMigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";
  readonly #main: PrismaPg;
  readonly #pool: pg.Pool;
  readonly #poolConfig: pg.PoolConfig;
  readonly #shadow: ShadowDatabaseOption;
  /** `host:port/database` of the main database. */
  readonly #mainIdentity: string;

  constructor(
    pool: pg.Pool,
    poolConfig: pg.PoolConfig,
    mainIdentity: string,
    shadow: ShadowDatabaseOption,
  ) {
    // External pool: the handle owns it; every adapter the engine asks for shares it.
    this.#main = new PrismaPg(pool);
    this.#pool = pool;
    this.#poolConfig = poolConfig;
    this.#mainIdentity = mainIdentity;
    this.#shadow = shadow;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return patchAdapter(await this.#main.connect(), this.#pool);
  }

  /** Called by the engine when it needs a shadow database; it disposes the adapter after use. */
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = this.#shadow;
    if (shadow === "none") {
      throw new Error("This operation needs a shadow database, but shadowDatabase is 'none'.");
    }
    if (typeof shadow === "object") {
      if (serverAndDatabase(shadow.connectionString) === this.#mainIdentity) {
        throw new Error("shadowDatabase.connectionString points at the main database.");
      }
      const pool = new StickyPool(poolConfigFor(shadow.connectionString, 1));
      pool.on("error", () => undefined);
      await warmUp(pool);
      const adapter = patchAdapter(
        await new PrismaPg(pool, { disposeExternalPool: true }).connect(),
        pool,
      );
      await resetSchemaVia(adapter, "public");
      return adapter;
    }
    return this.#createShadowDatabase();
  }

  /**
   * Same idea as `PrismaPg#connectToShadowDb` (CREATE DATABASE on the main server), with two
   * fixes for adapter-pg 7.10.1: (1) its dispose runs `DROP DATABASE` before ending the shadow
   * pool, which fails with "database ... is being accessed by other users"; (2) on a
   * single-database server (PGlite) its shadow pool lands in the main database — verified here.
   */
  async #createShadowDatabase(): Promise<SqlDriverAdapter> {
    const name = `${SHADOW_DB_PREFIX}${randomUUID()}`;
    const admin = await this.#main.connect();
    await admin.executeScript(`CREATE DATABASE "${name}"`);
    const shadowPool = new StickyPool({ ...this.#poolConfig, database: name, max: 1 });
    shadowPool.on("error", () => undefined);
    const dropShadow = async (): Promise<void> => {
      await shadowPool.end();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.dispose();
    };
    let adapter: SqlDriverAdapter;
    try {
      adapter = patchAdapter(await new PrismaPg(shadowPool).connect(), shadowPool);
      const current = await currentDatabase(adapter);
      if (current !== name) {
        throw new Error(
          `Shadow database connection landed in "${current}" instead of the new "${name}" ` +
            "(single-database server such as PGlite?). Use strategy 'live' or an explicit " +
            "shadowDatabase.connectionString.",
        );
      }
    } catch (error) {
      await dropShadow().catch(() => undefined);
      throw error;
    }
    const disposeAdapter = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await disposeAdapter();
      await dropShadow();
    };
    return adapter;
  }
}

function rawQuery(sql: string): SqlQuery {
  return { sql, args: [], argTypes: [] };
}

async function currentDatabase(adapter: SqlDriverAdapter): Promise<string> {
  const result = await adapter.queryRaw(rawQuery("SELECT current_database()::text"));
  const value = result.rows[0]?.[0];
  return typeof value === "string" ? value : "";
}

async function resetSchemaVia(adapter: SqlDriverAdapter, schema: string): Promise<void> {
  const quoted = `"${schema.replaceAll('"', '""')}"`;
  await adapter.executeScript(`DROP SCHEMA IF EXISTS ${quoted} CASCADE; CREATE SCHEMA ${quoted};`);
}
