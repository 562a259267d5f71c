/**
 * Errors of the wasm schema engine: {@link SchemaEngineError} (with the Prisma error code, the Rust
 * panic message and the adapter's own error when there is one) and the engine's log lines.
 */
import { takePanicMessage } from "./wasm";

/** A rejection from the wasm engine, with the Prisma error code (e.g. `P3005`) when it has one. */
export class SchemaEngineError extends Error {
  /** Prisma error code such as `P3005` / `P3006` / `P3009`, when the engine gave one. */
  readonly code: string | undefined;
  /** The engine's error name, usually `SchemaConnectorError`. */
  readonly engineErrorName: string;
  /** The full engine message, including its span trace (`0: schema_engine_wasm::...`). */
  readonly engineMessage: string;

  /** Rust panic message, when the engine panicked (the engine instance is then unusable). */
  readonly panicMessage: string | undefined;

  /** The JS error behind an engine "External error id#N" (thrown by adapter/pg code). */
  readonly adapterError: unknown;

  constructor(operation: string, cause: unknown, panicMessage?: string, adapterError?: unknown) {
    const raw = cause instanceof Error ? cause.message : String(cause);
    // The engine appends a tracing "span trace" (lines like `   0: schema_engine_wasm::...`).
    const summary = raw.split(/\n\s+0: /u)[0]?.trim() ?? raw;
    const code = readStringProp(cause, "code");
    const panic = panicMessage ? ` [engine panic: ${panicMessage}]` : "";
    const js =
      adapterError === undefined
        ? ""
        : ` [${adapterError instanceof Error ? adapterError.message : String(adapterError)}]`;
    super(`${operation} failed${code ? ` (${code})` : ""}: ${summary}${js}${panic}`, { cause });
    this.panicMessage = panicMessage;
    this.adapterError = adapterError;
    this.name = "SchemaEngineError";
    this.code = code;
    this.engineErrorName = readStringProp(cause, "name") ?? "Error";
    this.engineMessage = raw;
  }
}

/** One structured log line emitted by the engine (it calls the log callback with a JSON string). */
export interface EngineLogEntry {
  /** `ERROR` | `WARN` | `INFO` | `DEBUG` | `TRACE`. */
  level: string;
  /** Tracing fields; `message` holds the text. */
  fields: { message?: string; [key: string]: unknown };
  /** Rust module path that logged it. */
  target?: string;
  [key: string]: unknown;
}

/** Receives parsed engine log lines. */
export type EngineLogger = (entry: EngineLogEntry) => void;

function readStringProp(value: unknown, key: string): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const v: unknown = (value as Record<string, unknown>)[key];
  return typeof v === "string" ? v : undefined;
}

/** The error registry `bindMigrationAwareSqlAdapterFactory` attaches to the bound factory. */
export interface AdapterErrorRegistry {
  consumeError(id: number): { error: unknown } | undefined;
}

/**
 * Runs an engine call and converts its rejection into a {@link SchemaEngineError}.
 * Errors thrown by adapter code that are not `DriverAdapterError`s reach the engine only as an
 * id ("External error id#3"); they are looked up in the bound factory's registry.
 */
export async function engineCall<T>(
  operation: string,
  call: () => Promise<T>,
  registry?: AdapterErrorRegistry,
): Promise<T> {
  takePanicMessage(); // a stale message belongs to an earlier call
  try {
    return await call();
  } catch (error) {
    const panic = takePanicMessage();
    const id = /External error id#(\d+)/u.exec(error instanceof Error ? error.message : "")?.[1];
    const jsError = id === undefined ? undefined : registry?.consumeError(Number(id))?.error;
    throw new SchemaEngineError(operation, error, panic, jsError);
  }
}
