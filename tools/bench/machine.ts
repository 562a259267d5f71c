/**
 * What the figures were measured on: the machine (CPU, cores, memory, OS, Node) and the
 * database (embedded PGlite or a PostgreSQL server, with its `SELECT version()`).
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ROOT } from "../database";

/** The machine, in words. */
export interface Machine {
  cpu: string;
  cores: number;
  /** Total memory, in GiB. */
  memoryGiB: number;
  os: string;
  node: string;
  /** 1-minute load average when the run started (other work on the machine shows here). */
  loadAverage: number;
}

/** The database the app ran on, in words. */
export interface DatabaseInfo {
  /** "embedded PGlite" or "PostgreSQL server". */
  kind: string;
  /** e.g. "PGlite 0.5.14 (in memory, in the with-db.ts process)" or the server's host:port. */
  detail: string;
  /** `SELECT version()`. */
  version: string;
}

/** The OS's name from /etc/os-release, else the kernel's. */
function osName(): string {
  try {
    const pretty = readFileSync("/etc/os-release", "utf8").match(/^PRETTY_NAME="?([^"\n]*)"?/m);
    if (pretty?.[1]) return `${pretty[1]} (${os.type()} ${os.release()}, ${os.arch()})`;
  } catch {
    // not Linux
  }
  return `${os.type()} ${os.release()} (${os.arch()})`;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    node: process.version,
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

/** Describes the database at `url` (asks it for `SELECT version()`). @throws when it does not answer. */
export async function describeDatabase(url: string, embedded: boolean): Promise<DatabaseInfo> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>("SELECT version()");
    const version = rows[0]?.version ?? "unknown";
    if (embedded) {
      const pkg = JSON.parse(
        readFileSync(path.join(ROOT, "node_modules/@electric-sql/pglite/package.json"), "utf8"),
      ) as { version: string };
      return {
        kind: "embedded PGlite",
        detail: `PGlite ${pkg.version}, in memory, in the with-db.ts process (pglite-socket)`,
        version,
      };
    }
    const { hostname, port } = new URL(url);
    return { kind: "PostgreSQL server", detail: `${hostname}:${port || 5432}`, version };
  } finally {
    await client.end();
  }
}
