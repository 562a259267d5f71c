/**
 * An open wasm schema engine bound to one database: the engine, its pool and adapter, and the
 * schema files it was given. The operations (deploy.ts, diff.ts, status.ts) each open one.
 */
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
// Type-only import of the package root: its runtime entry does `import "./schema_engine_bg.wasm"`,
// which needs ESM-wasm integration. We load the glue module and instantiate the wasm ourselves
// (wasm.ts).
import type { SchemaContainer, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";
import * as wasmGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PgMigrationAdapterFactory, type ShadowDatabaseOption } from "./adapter";
import {
  type AdapterErrorRegistry,
  engineCall,
  type EngineLogEntry,
  type EngineLogger,
} from "./errors";
import { poolConfigFor, serverAndDatabase, StickyPool, warmUp } from "./pools";
import { readSchemaFiles } from "./schema-files";
import { loadSchemaEngineWasm } from "./wasm";

/** No externally managed tables/enums (prisma.config.ts `tables.external` / `enums.external`). */
export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

/** Options shared by every function that talks to a database. */
export interface EngineConnectionOptions {
  /** `postgresql://...` URL of the main database. */
  connectionString: string;
  /** `schema.prisma` file, or a directory of `.prisma` files. */
  schemaPath: string;
  /** See ShadowDatabaseOption (adapter.ts). Default `"create"`. */
  shadowDatabase?: ShadowDatabaseOption;
  /** Receives the engine's log lines. Default: discard. */
  log?: EngineLogger;
  /**
   * Max pg connections to the main database. Default 1: the engine works sequentially and
   * PGLiteSocketServer accepts a single connection unless started with `maxConnections`.
   */
  poolMax?: number;
}

/** An open wasm schema engine bound to one database. Close it (or `await using` it). */
export interface SchemaEngineHandle extends AsyncDisposable {
  /** The raw engine; see `@prisma/schema-engine-wasm` typings for every command. */
  readonly engine: SchemaEngine;
  /** The schema files the engine was constructed with. */
  readonly schemaFiles: SchemaContainer[];
  /**
   * Calls the engine, turning rejections into SchemaEngineError (errors.ts)
   * (`h.run("diff", (e) => e.diff({...}))`).
   */
  run<T>(operation: string, call: (engine: SchemaEngine) => Promise<T>): Promise<T>;
  /** Runs a SQL query on the engine's own pool (no extra connection). */
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Frees the engine and ends its pg pool. Idempotent. */
  close(): Promise<void>;
}

/**
 * Opens a wasm schema engine on `connectionString`, with the schema at `schemaPath`.
 * Instantiates the wasm module on first use (once per process).
 */
export async function openSchemaEngine(
  options: EngineConnectionOptions,
): Promise<SchemaEngineHandle> {
  await loadSchemaEngineWasm();
  const schemaFiles = await readSchemaFiles(options.schemaPath);
  const poolConfig = poolConfigFor(options.connectionString, options.poolMax ?? 1);
  const pool = new StickyPool(poolConfig);
  pool.on("error", () => {
    /* idle client errors (e.g. server stopped) must not crash the process */
  });
  const factory = new PgMigrationAdapterFactory(
    pool,
    poolConfig,
    serverAndDatabase(options.connectionString),
    options.shadowDatabase ?? "create",
  );
  const log = options.log;
  const onLog = (line: unknown): void => {
    if (!log || typeof line !== "string") return;
    try {
      log(JSON.parse(line) as EngineLogEntry);
    } catch {
      log({ level: "INFO", fields: { message: line } });
    }
  };
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const registry = (bound as unknown as { errorRegistry?: AdapterErrorRegistry }).errorRegistry;
  let engine: SchemaEngine;
  try {
    await warmUp(pool);
    engine = await engineCall(
      "SchemaEngine.new",
      () =>
        wasmGlue.SchemaEngine.new(
          { datamodels: schemaFiles.map((f): [string, string] => [f.path, f.content]) },
          onLog,
          bound,
        ),
      registry,
    );
  } catch (error) {
    await pool.end();
    throw error;
  }
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    engine.free();
    await pool.end();
  };
  return {
    engine,
    schemaFiles,
    run: <T>(operation: string, call: (e: SchemaEngine) => Promise<T>) =>
      engineCall(operation, () => call(engine), registry),
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return (await pool.query<Row>(sql, params)).rows;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}

/** Runs `fn` with a fresh engine and always closes it. */
export async function withEngine<T>(
  options: EngineConnectionOptions,
  fn: (h: SchemaEngineHandle) => Promise<T>,
): Promise<T> {
  const handle = await openSchemaEngine(options);
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}
