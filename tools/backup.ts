/**
 * Backups and restores for `npm run db:backup` / `npm run db:restore` (scripts/db-backup.ts).
 *
 * - A PostgreSQL server (`DATABASE_URL` set): `pg_dump --format=custom`, which reads every table
 *   in one repeatable-read snapshot (consistent while the app keeps writing), and
 *   `pg_restore --clean --if-exists --single-transaction`, which replaces the dumped objects all
 *   at once or not at all. Needs `pg_dump`/`pg_restore` on PATH of the server's major version or
 *   newer (Debian/Ubuntu: `postgresql-client-<major>`).
 * - The embedded database: a tarball of its data directory (`@saas/local-postgres/backup`; why
 *   not `pg_dump` is said there).
 *
 * The two kinds of file are told apart by their first bytes (`PGDMP` / gzip), so a restore
 * names the mistake of giving one to the other.
 */
import { spawn } from "node:child_process";
import { mkdir, open, rm, stat } from "node:fs/promises";
import path from "node:path";
import {
  backupEmbeddedDatabase,
  isEmbeddedBackup,
  restoreEmbeddedDatabase,
} from "@saas/local-postgres/backup";
import { readScriptEnv, ROOT } from "./database";

/** First bytes of a `pg_dump --format=custom` archive. */
const CUSTOM_DUMP_MAGIC = "PGDMP";

/** Prisma-only URL parameters that libpq (pg_dump, pg_restore) rejects as unknown. */
const PRISMA_ONLY_PARAMS = [
  "schema",
  "connection_limit",
  "pool_timeout",
  "pgbouncer",
  "socket_timeout",
  "statement_cache_size",
];

/** What a backup is taken of: a PostgreSQL server's database, or the embedded database. */
export type BackupTarget =
  { kind: "server"; url: string } | { kind: "embedded"; dataDir: string; port: number };

/** The target the scripts' environment names: `DATABASE_URL`, else the embedded database. */
export function backupTargetFromEnv(): BackupTarget {
  const env = readScriptEnv();
  return env.DATABASE_URL
    ? { kind: "server", url: env.DATABASE_URL }
    : { kind: "embedded", dataDir: env.EMBEDDED_DB_DIR, port: env.EMBEDDED_DB_PORT };
}

/**
 * Where a backup goes when no file is named: `.data/backups/<database>-<UTC time>.dump` for a
 * server, `.data/backups/embedded-<UTC time>.tar.gz` for the embedded database.
 */
export function defaultBackupFile(target: BackupTarget, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  const name =
    target.kind === "server"
      ? `${decodeURIComponent(new URL(target.url).pathname.slice(1)) || "postgres"}-${stamp}.dump`
      : `embedded-${stamp}.tar.gz`;
  return path.join(ROOT, ".data", "backups", name);
}

/**
 * libpq's view of a Prisma URL: Prisma-only parameters dropped, and the password moved to
 * `PGPASSWORD` so it never shows in the process list.
 */
export function libpqConnection(url: string): { dbname: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  for (const name of PRISMA_ONLY_PARAMS) parsed.searchParams.delete(name);
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/**
 * Runs a PostgreSQL client program; resolves when it exits 0.
 * @throws Error with the program's last stderr lines otherwise, or when it is not installed.
 */
function runPgTool(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new Error(
              `${command} is not installed (Debian/Ubuntu: apt-get install postgresql-client)`,
            )
          : error,
      ),
    );
    child.once("close", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} failed: ${stderr.trim().replace(/\s+/g, " ")}`));
    });
  });
}

/** The first `length` bytes of `file`. */
async function head(file: string, length: number): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Writes a consistent backup of `target` to `file` (folders created). Returns its size in bytes.
 * @throws Error from pg_dump (unreachable server, version mismatch...) or from the embedded
 *   backup (database served by another process...).
 */
export async function backupDatabase(target: BackupTarget, file: string): Promise<number> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  if (target.kind === "embedded") return (await backupEmbeddedDatabase(target, file)).bytes;
  const { dbname, env } = libpqConnection(target.url);
  try {
    await runPgTool("pg_dump", ["--format=custom", `--file=${file}`, `--dbname=${dbname}`], env);
  } catch (error) {
    await rm(file, { force: true }); // pg_dump creates the file before it connects
    throw error;
  }
  return (await stat(file)).size;
}

/**
 * Restores `file` (made by {@link backupDatabase} for the same kind of target) into `target`.
 * On a server the dumped objects are dropped and recreated in one transaction (objects the dump
 * does not know, e.g. tables of later migrations, are left alone); the embedded data directory
 * is replaced whole.
 * @throws Error when the file is of the other kind, or from pg_restore / the embedded restore.
 */
export async function restoreDatabase(target: BackupTarget, file: string): Promise<void> {
  const start = await head(file, CUSTOM_DUMP_MAGIC.length);
  if (target.kind === "embedded") {
    if (start.toString("latin1") === CUSTOM_DUMP_MAGIC) {
      throw new Error(`${file} is a PostgreSQL dump: set DATABASE_URL to restore it into a server`);
    }
    return restoreEmbeddedDatabase(target, file);
  }
  if (start.toString("latin1") !== CUSTOM_DUMP_MAGIC) {
    throw new Error(
      isEmbeddedBackup(start)
        ? `${file} is an embedded-database backup: unset DATABASE_URL to restore it`
        : `${file} is not a pg_dump custom-format archive`,
    );
  }
  const { dbname, env } = libpqConnection(target.url);
  await runPgTool(
    "pg_restore",
    [
      "--clean",
      "--if-exists",
      "--single-transaction",
      "--exit-on-error",
      "--no-owner",
      "--no-acl",
      `--dbname=${dbname}`,
      file,
    ],
    env,
  );
}
