import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { embeddedUrl } from "@saas/local-postgres/url";
import { spawnGroup, stop } from "../../tools/process-groups";
import { closedPort } from "../../src/test/net";

/**
 * Processes of a small deployment, started by a spec of its own: the embedded database served
 * alone (`npm run db:serve`), the local Stripe emulator, and app instances started by `npm start`
 * (the standalone production build) on `DATABASE_URL`, as in production. Their output is appended
 * to `.data/e2e-cluster.log`, which `npm test` checks for secrets like the main server's log.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const LOG_FILE = path.join(ROOT, ".data/e2e-cluster.log");
/** The webhook signing secret the cluster's emulator and apps share. */
export const CLUSTER_WEBHOOK_SECRET = "whsec_e2e_cluster";
/** Any sk_test_ key: the emulator accepts them all. */
export const CLUSTER_STRIPE_KEY = "sk_test_e2e_cluster";

/** Empties the cluster log: each run's output is checked on its own. */
export function resetClusterLog(): void {
  mkdirSync(path.dirname(LOG_FILE), { recursive: true });
  writeFileSync(LOG_FILE, "");
}

/** A free TCP port on 127.0.0.1 (bound, then released: it stays free until a process binds it). */
export const freePort = closedPort;

/** A started process group: `stop` ends it (SIGTERM, then SIGKILL after 15 s). */
export interface Started {
  readonly name: string;
  stop(): Promise<void>;
}

/**
 * Starts `command` in a process group of its own (tools/process-groups.ts, so `stopAll`
 * ends whatever is still running), its output appended to the cluster log with `name` in
 * front, and resolves once a line matches `ready`.
 * @throws when the process exits first, or `ready` does not appear within `timeoutMs`.
 */
function start(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  timeoutMs = 90_000,
): Promise<Started> {
  const log = createWriteStream(LOG_FILE, { flags: "a" });
  // Not the runner's DATABASE_URL: each process is told its database (db:serve refuses one).
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  const child = spawnGroup(name, command, args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...inherited, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  child.once("exit", () => log.end());
  const started: Started = { name, stop: () => stop(child) };
  return new Promise((resolve, reject) => {
    let tail = "";
    let isReady = false;
    const timer = setTimeout(() => {
      void started.stop();
      reject(new Error(`${name} was not ready within ${timeoutMs} ms:\n${tail}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      for (const line of text.split("\n")) if (line) log.write(`[${name}] ${line}\n`);
      if (isReady) return;
      tail = (tail + text).slice(-4000);
      if (ready.test(tail)) {
        isReady = true;
        clearTimeout(timer);
        resolve(started);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      if (!isReady) reject(new Error(`${name} exited (${code}) before it was ready:\n${tail}`));
    });
  });
}

/** The embedded database served on its own, with its data in a directory that outlives restarts. */
export class ClusterDatabase {
  readonly dir = mkdtempSync(path.join(tmpdir(), "e2e-cluster-db-"));
  readonly url: string;
  private process: Started | undefined;

  constructor(readonly port: number) {
    this.url = embeddedUrl(port);
  }

  /** Starts (or restarts) the server on the same port and data: migrated and seeded when new. */
  async start(): Promise<void> {
    this.process = await start(
      "db",
      TSX,
      ["scripts/db.ts", "serve"],
      { EMBEDDED_DB_DIR: this.dir, EMBEDDED_DB_PORT: String(this.port) },
      /embedded PostgreSQL ready at/,
    );
  }

  /** Stops the server: every connection to it is closed. */
  async stop(): Promise<void> {
    await this.process?.stop();
    this.process = undefined;
  }

  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The Stripe emulator, recording events without delivering them: the test delivers them. */
export async function startStripeEmulator(port: number): Promise<Started & { url: string }> {
  const started = await start(
    "stripe",
    TSX,
    ["scripts/stripe-emulator.ts"],
    { STRIPE_WEBHOOK_SECRET: CLUSTER_WEBHOOK_SECRET, STRIPE_EMULATOR_PORT: String(port) },
    /dashboard: http/,
  );
  return { ...started, url: `http://127.0.0.1:${port}` };
}

/**
 * One app instance: `npm start` on `port`, its own APP_URL, the shared database and emulator,
 * resolved once it has answered a request. `trustedProxies` is its TRUSTED_PROXIES: 1 (the
 * default) as behind a load balancer, so each test's X-Forwarded-For is its client IP
 * (e2e/support/accounts.ts); 0 for an instance reached directly. `env` adds or replaces
 * variables (e.g. its own APP_URL and BRAND_NAME: e2e/runtime-config.spec.ts).
 */
export async function startApp(
  name: string,
  port: number,
  databaseUrl: string,
  stripeUrl: string,
  trustedProxies = 1,
  env: Record<string, string> = {},
): Promise<Started & { url: string }> {
  const url = `http://127.0.0.1:${port}`;
  const started = await start(
    name,
    "npm",
    ["start"],
    {
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      APP_URL: url,
      DATABASE_URL: databaseUrl,
      MAIL_TRANSPORT: "outbox",
      STRIPE_SECRET_KEY: CLUSTER_STRIPE_KEY,
      STRIPE_WEBHOOK_SECRET: CLUSTER_WEBHOOK_SECRET,
      STRIPE_API_BASE: stripeUrl,
      TRUSTED_PROXIES: String(trustedProxies),
      // Production needs it with the local storage driver (a test value, not a secret).
      STORAGE_SECRET: "e2e-cluster-storage-secret-0123456789",
      ...env,
    },
    /Ready in/,
  );
  // Next listens before it runs src/instrumentation.ts; once it has answered a request, that has
  // run (requests wait for it), so the trusted client address is installed for the next ones.
  await fetch(`${url}/api/health/live`);
  return { ...started, url };
}
