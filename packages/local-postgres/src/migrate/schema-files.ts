/** Reading the Prisma schema the engine is given. */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { SchemaContainer } from "@prisma/schema-engine-wasm";

/**
 * Reads the Prisma schema: a single `.prisma` file, or every `.prisma` file under a directory
 * (multi-file schema). Paths are returned absolute.
 */
export async function readSchemaFiles(schemaPath: string): Promise<SchemaContainer[]> {
  const absolute = path.resolve(schemaPath);
  const info = await stat(absolute);
  if (info.isFile()) return [{ path: absolute, content: await readFile(absolute, "utf8") }];
  const entries = await readdir(absolute, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith(".prisma"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  if (files.length === 0) throw new Error(`No .prisma files under ${absolute}`);
  return Promise.all(files.map(async (p) => ({ path: p, content: await readFile(p, "utf8") })));
}
