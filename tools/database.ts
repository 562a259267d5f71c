/**
 * Which database the scripts use, and getting it ready.
 *
 * `DATABASE_URL` set → that PostgreSQL server. Unset → the embedded PGlite server
 * (@saas/local-postgres), configured by `EMBEDDED_DB_DIR` and `EMBEDDED_DB_PORT`.
 */
import path from "node:path";
import { createInterface } from "node:readline/promises";
import nextEnv from "@next/env";
import { z } from "zod";
import {
  DEFAULT_EMBEDDED_DIR,
  DEFAULT_EMBEDDED_PORT,
  startEmbeddedDatabase,
} from "@saas/local-postgres";
import { applyPendingMigrations } from "@saas/local-postgres/migrate";
import { DEMO_STAFF } from "../prisma/demo";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "../prisma/paths";
import type { SeedSummary } from "../prisma/seed";

export const ROOT = path.resolve(import.meta.dirname, "..");

// Read .env files exactly as Next does, so a DATABASE_URL in .env reaches the scripts too.
nextEnv.loadEnvConfig(ROOT, process.env.NODE_ENV !== "production", {
  info: () => {},
  error: console.error,
});

const scriptEnv = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  EMBEDDED_DB_DIR: z.string().min(1).default(DEFAULT_EMBEDDED_DIR),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65_535).default(DEFAULT_EMBEDDED_PORT),
});

/** A database the scripts can use. */
export interface Database {
  url: string;
  /** True for the embedded PGlite server. */
  embedded: boolean;
  /** True when the embedded database was just created (empty). */
  created: boolean;
  /** True when the embedded database is another process's, joined on its port. */
  joined: boolean;
  close(): Promise<void>;
}

/**
 * Reads and checks the scripts' variables.
 * @throws Error listing every invalid variable.
 */
export function readScriptEnv() {
  const parsed = scriptEnv.safeParse({
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    EMBEDDED_DB_DIR: process.env.EMBEDDED_DB_DIR || undefined,
    EMBEDDED_DB_PORT: process.env.EMBEDDED_DB_PORT || undefined,
  });
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
  throw new Error(["Invalid environment variables (see .env.example):", ...lines].join("\n"));
}

/** Connects to `DATABASE_URL`, or starts (or joins) the embedded database. */
export async function openDatabase(): Promise<Database> {
  const env = readScriptEnv();
  if (env.DATABASE_URL) {
    return {
      url: env.DATABASE_URL,
      embedded: false,
      created: false,
      joined: false,
      close: async () => {},
    };
  }
  const embedded = await startEmbeddedDatabase({
    dataDir: env.EMBEDDED_DB_DIR,
    port: env.EMBEDDED_DB_PORT,
  });
  return { ...embedded, embedded: true };
}

/** Applies pending migrations and prints what it applied. Returns the applied names. */
export async function migrate(database: Database): Promise<string[]> {
  const applied = await applyPendingMigrations({
    connectionString: database.url,
    migrationsDir: MIGRATIONS_DIR,
    schemaPath: SCHEMA_PATH,
  });
  for (const name of applied) console.log(`  ✓ applied migration ${name}`);
  return applied;
}

/** Runs the seed (prisma/seed.ts) with a short-lived Prisma client. Returns what it wrote. */
export async function seedDatabase(database: Database): Promise<SeedSummary> {
  const [{ seed }, { createPrismaClient }] = await Promise.all([
    import("../prisma/seed"),
    import("../src/server/db-client"),
  ]);
  const client = createPrismaClient({
    connectionString: database.url,
    max: 2,
    connectionTimeoutMs: 5_000,
  });
  try {
    return await seed(client);
  } finally {
    await client.$disconnect();
  }
}

/** Runs the seed and prints what it wrote, with the demo login. */
export async function seedAndReport(database: Database): Promise<void> {
  const { demo } = await seedDatabase(database);
  if (!demo) {
    console.log("  ✓ nothing to seed (no demo data with NODE_ENV=production)");
    return;
  }
  console.log(
    `  ✓ seeded the demo workspace ${demo.workspaceSlug} ` +
      `(${demo.projects} projects, ${demo.activity} activity entries)`,
  );
  console.log(
    `    demo login: ${demo.email} / ${demo.password}; staff (/admin): ${DEMO_STAFF.email}`,
  );
}

/**
 * Asks before a script overwrites a server's data. `what` completes "<what> DATABASE_URL's
 * database", e.g. "db:reset deletes every row of". Passes with `force`; asks y/N on a terminal.
 * @throws Error asking for `--force` when there is no terminal to ask on, or "cancelled" when the
 *   answer is not y.
 */
export async function confirmOverwrite(url: string, what: string, force: boolean): Promise<void> {
  if (force) return;
  const command = what.split(" ")[0];
  if (!process.stdin.isTTY) {
    throw new Error(`${what} DATABASE_URL's database: add --force to confirm`);
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(`${what} ${new URL(url).host}${new URL(url).pathname}? [y/N] `);
  rl.close();
  if (answer.trim().toLowerCase() !== "y") throw new Error(`${command} cancelled`);
}
