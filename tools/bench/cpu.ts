/**
 * CPU time spent by the servers under test, read from /proc (Linux; elsewhere every figure is
 * null). Divided by the requests served, it says where a request's cost goes (Next, the database)
 * and stays meaningful when other work on the machine makes req/s and latencies noisy.
 *
 * Processes are sorted into roles by their command line:
 * - `next`: the Next server (the standalone `server.js`, which names itself `next-server`);
 * - `db`: the database: the with-db.ts process, where embedded PGlite runs, or a PostgreSQL
 *   server's backends for the bench's database (`postgres: [<cluster>: ]<user> <database> …`);
 * - `bare`: the bare node:http server.
 * A process that ends between two snapshots loses its share (pool connections live on).
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export type CpuRole = "next" | "db" | "bare";

/** CPU time per role, in ms (user + system) since each process started. */
export type CpuSnapshot = Map<number, { role: CpuRole; ms: number }>;

/** What to count: the app's process group, the bare server's pid, a PostgreSQL database name. */
export interface CpuTargets {
  appGroup?: number;
  barePid?: number;
  /** Database name of a PostgreSQL server's backends to count as `db`. */
  postgresDatabase?: string;
}

let ticksPerSecond: number | undefined;

/** The kernel's clock ticks per second (USER_HZ, almost always 100). */
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    const answer = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim());
    ticksPerSecond = Number.isFinite(answer) && answer > 0 ? answer : 100;
  }
  return ticksPerSecond;
}

/** The role of a process, or null when it is not counted. */
function roleOf(pid: number, pgrp: number, cmdline: string, targets: CpuTargets): CpuRole | null {
  if (pid === targets.barePid) return "bare";
  if (targets.appGroup !== undefined && pgrp === targets.appGroup) {
    // with-db.ts first: its own command line ends with the command it runs (`-- node …server.js`).
    if (cmdline.includes("scripts/with-db.ts")) return "db";
    if (/^next-server|standalone\/server\.js/.test(cmdline)) return "next";
    return null; // npm, sh, the job worker
  }
  // A backend's title: "postgres: [<cluster>: ]<user> <database> <client> <activity>".
  const backend = /^postgres: (?:\S+: )?\S+ (\S+) /.exec(cmdline);
  if (targets.postgresDatabase && backend?.[1] === targets.postgresDatabase) return "db";
  return null;
}

/** CPU time of every counted process now; an empty map where /proc is not available. */
export function snapshot(targets: CpuTargets): CpuSnapshot {
  const result: CpuSnapshot = new Map();
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return result;
  }
  for (const name of entries) {
    const pid = Number(name);
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command (which may contain spaces) in parentheses: state is field 3.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const pgrp = Number(fields[2]);
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
      const role = roleOf(pid, pgrp, cmdline, targets);
      if (!role) continue;
      const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
      result.set(pid, { role, ms: (ticks * 1000) / clockTicks() });
    } catch {
      // the process ended meanwhile
    }
  }
  return result;
}

/** CPU ms per role between two snapshots; null when /proc was not readable. */
export function cpuBetween(
  before: CpuSnapshot,
  after: CpuSnapshot,
): Record<CpuRole, number> | null {
  if (after.size === 0) return null;
  const total: Record<CpuRole, number> = { next: 0, db: 0, bare: 0 };
  for (const [pid, { role, ms }] of after) total[role] += ms - (before.get(pid)?.ms ?? 0);
  return total;
}
