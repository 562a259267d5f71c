/**
 * Prisma CLI configuration (Prisma 7 reads the datasource URL from here, not from the schema).
 *
 * Offline note: `prisma generate|validate|format` first look for the native schema engine and try to
 * download it when it is missing, even though they never run it. Where no native engine is installed
 * (npm blocks @prisma/engines' download script; see `allowScripts` in package.json), we point
 * PRISMA_SCHEMA_ENGINE_BINARY at an existing file so those commands work with no network.
 * Migrations never need the native engine: `npm run db:*` use Prisma's WebAssembly schema engine
 * (packages/local-postgres, `@saas/local-postgres/migrate`).
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

const ENGINE_FREE_COMMANDS = new Set(["generate", "validate", "format"]);

function hasNativeSchemaEngine(): boolean {
  const dir = path.join(import.meta.dirname, "node_modules/@prisma/engines");
  return existsSync(dir) && readdirSync(dir).some((file) => file.startsWith("schema-engine-"));
}

if (
  !process.env.PRISMA_SCHEMA_ENGINE_BINARY &&
  process.argv.some((arg) => ENGINE_FREE_COMMANDS.has(arg)) &&
  !hasNativeSchemaEngine()
) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(
    import.meta.dirname,
    "node_modules/prisma/package.json",
  );
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // Only the native CLI commands (`prisma migrate status`, `prisma studio`) use this URL.
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
