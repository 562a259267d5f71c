/**
 * Child processes of scripts and tests (the bench, the e2e cluster). Each starts in a process
 * group of its own (`detached`), so that stopping it stops everything it started in turn (npm →
 * sh → tsx → next, the worker…), and a Ctrl-C in the terminal reaches only the script, which then
 * stops the groups in reverse order.
 */
import { type ChildProcess, fork, spawn, type SpawnOptions } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

/** A started process group. */
interface Group {
  name: string;
  child: ChildProcess;
}

const groups: Group[] = [];

/** How long a group has to stop after SIGTERM before it gets SIGKILL, in ms. */
const STOP_GRACE_MS = 15_000;

/** True while any process of the group led by `pid` is alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function track(name: string, child: ChildProcess): ChildProcess {
  if (child.pid === undefined) throw new Error(`could not start ${name}`);
  groups.push({ name, child });
  return child;
}

/** Spawns `command` as the leader of a new process group; {@link stopAll} stops it. */
export function spawnGroup(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions = {},
): ChildProcess {
  return track(name, spawn(command, args, { ...options, detached: true }));
}

/**
 * Forks the TypeScript module `modulePath` (run by tsx) as the leader of a new process group,
 * with an IPC channel; {@link stopAll} stops it.
 */
export function forkGroup(name: string, modulePath: string, args: string[] = []): ChildProcess {
  return track(
    name,
    fork(modulePath, args, {
      detached: true,
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
  );
}

/** Sends SIGTERM to the group, then SIGKILL if it is still alive after {@link STOP_GRACE_MS}. */
async function stopGroup({ name, child }: Group): Promise<void> {
  const pid = child.pid!;
  if (!groupAlive(pid)) return;
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    return; // gone meanwhile
  }
  const deadline = Date.now() + STOP_GRACE_MS;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pid)) {
    console.warn(`  ! ${name} did not stop within ${STOP_GRACE_MS / 1000} s: killing it`);
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
  }
}

/** Stops `child`'s group now (it must come from {@link spawnGroup} or {@link forkGroup}). */
export async function stop(child: ChildProcess): Promise<void> {
  const index = groups.findIndex((group) => group.child === child);
  if (index === -1) return;
  const [group] = groups.splice(index, 1);
  await stopGroup(group!);
}

/** Stops every group still running, the most recently started first. Never throws. */
export async function stopAll(): Promise<void> {
  while (groups.length > 0) {
    await stopGroup(groups.pop()!).catch((error: unknown) => console.warn(`  ! ${String(error)}`));
  }
}

/**
 * Runs a command to completion in its own group, output to the terminal.
 * @throws Error when it exits with a non-zero code or is killed.
 */
export async function runToCompletion(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions = {},
): Promise<void> {
  const child = spawnGroup(name, command, args, { stdio: "inherit", ...options });
  const code = await new Promise<number | string>((resolve) => {
    child.once("exit", (exitCode, signal) => resolve(exitCode ?? signal ?? "unknown"));
    child.once("error", (error) => resolve(error.message));
  });
  await stop(child);
  if (code !== 0) throw new Error(`${name} failed (${code})`);
}
