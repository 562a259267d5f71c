/**
 * Loads Prisma's WebAssembly schema engine (`@prisma/schema-engine-wasm`) once per process, and
 * collects the Rust panics it reports.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import * as wasmGlue from "@prisma/schema-engine-wasm/schema_engine_bg";

let wasmReady: Promise<void> | undefined;

/** The slice of the global `WebAssembly` API used here. */
interface MinimalWebAssembly {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}

/**
 * Instantiates `schema_engine_bg.wasm` once per process.
 *
 * The wasm-bindgen glue keeps the instance in a module-level variable (`__wbg_set_wasm`),
 * so a second instantiation would swap the memory out from under existing engines.
 * Many engines (`SchemaEngine.new`) can share this one instance.
 */
export function loadSchemaEngineWasm(): Promise<void> {
  wasmReady ??= (async () => {
    installPanicRegistry();
    // createRequire rather than import.meta.resolve, which vitest's module runner lacks.
    const gluePath = createRequire(import.meta.url).resolve(
      "@prisma/schema-engine-wasm/schema_engine_bg",
    );
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    // Typed locally so this compiles with or without the "dom" lib (which declares WebAssembly).
    const { WebAssembly: wasmApi } = globalThis as unknown as { WebAssembly: MinimalWebAssembly };
    const { instance } = await wasmApi.instantiate(bytes, { "./schema_engine_bg.js": wasmGlue });
    wasmGlue.__wbg_set_wasm(instance.exports);
    const start = instance.exports["__wbindgen_start"];
    if (typeof start !== "function")
      throw new Error("schema_engine_bg.wasm has no __wbindgen_start export");
    (start as () => void)();
  })().catch((error: unknown) => {
    wasmReady = undefined;
    throw error;
  });
  return wasmReady;
}

/** Shape of the global the wasm glue reports Rust panics to (`global.PRISMA_WASM_PANIC_REGISTRY`). */
interface PanicRegistry {
  set_message(message: string): void;
}

/** Last Rust panic message reported by the engine, read by {@link takePanicMessage}. */
let lastPanicMessage: string | undefined;

/**
 * The glue calls `global.PRISMA_WASM_PANIC_REGISTRY.set_message(msg)` when the Rust code panics
 * (the Prisma CLI installs this registry). Without it, a panic becomes
 * "TypeError: Cannot read properties of undefined (reading 'set_message')" thrown from inside
 * the wasm call, i.e. an uncaught exception instead of a rejected promise.
 */
function installPanicRegistry(): void {
  const g = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
  g.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string): void {
      lastPanicMessage = message;
    },
  };
}

/** Version (git hash) of the loaded wasm schema engine. */
export async function schemaEngineVersion(): Promise<string> {
  await loadSchemaEngineWasm();
  return wasmGlue.version();
}

/** The last panic message the engine reported, cleared as it is read. */
export function takePanicMessage(): string | undefined {
  const message = lastPanicMessage;
  lastPanicMessage = undefined;
  return message;
}
