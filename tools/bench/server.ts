/**
 * The servers under test: the app started exactly as `npm start` starts it (scripts/with-db.ts,
 * so a change of what `npm start` runs, e.g. Next's standalone server, is picked up), and the
 * bare `node:http` server (scripts/bench/bare-server.ts). Both run in process groups of their own
 * (tools/process-groups.ts) and write nothing to the bench's terminal: the app's output goes to a
 * log file.
 */
import { mkdirSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ROOT } from "../database";
import type { BenchOptions } from "./options";
import { embeddedUrl } from "@saas/local-postgres/url";
import { forkGroup, runToCompletion, spawnGroup } from "../process-groups";

/** The running app. */
export interface AppServer {
  /** `http://127.0.0.1:<port>`, also its APP_URL. */
  baseUrl: string;
  /** What the bench connects to for seeding and `SELECT version()`. */
  databaseUrl: string;
  embedded: boolean;
  /** `DATABASE_POOL_MAX` the app runs with. */
  poolMax: number;
  /** Where the app's stdout and stderr go. */
  logFile: string;
  /** Its process group (npm start and everything it started). */
  processGroup: number;
}

/** How long the app may take to answer /api/health with 200, in ms. */
const START_TIMEOUT_MS = 180_000;

/** Resolves when nothing listens on 127.0.0.1:`port`. @throws Error naming the port otherwise. */
function assertPortFree(port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () =>
      reject(new Error(`port ${port} (${what}) is in use: stop what runs there or change it`)),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

/** The last `lines` lines of `file` (for an error message). */
function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no output)";
  }
}

/**
 * `npm run build` with `BENCHMARK_ROUTES=1`, so the build holds the benchmark routes
 * (next.config.mjs), output to the terminal. @throws Error when the build fails.
 */
export function build(): Promise<void> {
  return runToCompletion("npm run build", "npm", ["run", "build"], {
    cwd: ROOT,
    env: { ...process.env, BENCHMARK_ROUTES: "1" },
  });
}

/** `npm run db:migrate` on `databaseUrl`. @throws Error when a migration fails. */
export function migrate(databaseUrl: string): Promise<void> {
  return runToCompletion("npm run db:migrate", "npm", ["run", "db:migrate"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}

/** The app's environment: the bench's, plus the bench's ports and the benchmark routes. */
function appEnv(options: BenchOptions, baseUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.appPort),
    // The standalone server binds HOSTNAME, which containers set to their own name.
    HOSTNAME: "127.0.0.1",
    APP_URL: baseUrl,
    BENCHMARK_ROUTES: "1",
    // As behind one proxy: the sign-in's X-Forwarded-For is its client IP (bench/sign-in.ts).
    TRUSTED_PROXIES: "1",
    MAIL_TRANSPORT: "outbox",
    NEXT_TELEMETRY_DISABLED: "1",
    STRIPE_EMULATOR_PORT: String(options.stripePort),
  };
  // A CPU profile of every Node process of the app, written when it exits (docs/benchmarks.md).
  if (process.env.BENCH_CPU_PROF) {
    env.NODE_OPTIONS = [
      env.NODE_OPTIONS,
      "--cpu-prof",
      `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`,
    ]
      .filter(Boolean)
      .join(" ");
  }
  if (options.databaseUrl) {
    env.DATABASE_URL = options.databaseUrl;
    // `npm start` on a real database never starts the Stripe emulator, and the app refuses to
    // start without keys. Nothing benchmarked calls Stripe: placeholders pointing at a loopback
    // port where nothing listens make any stray call fail at once instead of reaching Stripe.
    env.STRIPE_SECRET_KEY = "sk_test_bench_unused";
    env.STRIPE_WEBHOOK_SECRET = "whsec_bench_unused";
    env.STRIPE_API_BASE = `http://127.0.0.1:${options.stripePort}`;
  } else {
    delete env.DATABASE_URL;
    env.EMBEDDED_DB_DIR = "memory://";
    env.EMBEDDED_DB_PORT = String(options.dbPort);
  }
  return env;
}

/**
 * Starts the app with `npm start` and waits for `/api/health` to answer 200.
 * @throws Error when a port is taken, the app exits, or it is not healthy in time (with the
 *   end of its log).
 */
export async function startApp(options: BenchOptions): Promise<AppServer> {
  await assertPortFree(options.appPort, "app, BENCH_PORT");
  if (!options.databaseUrl) {
    // with-db.ts would join a database already served there: it must be the bench's own.
    await assertPortFree(options.dbPort, "embedded database, BENCH_DB_PORT");
    await assertPortFree(options.stripePort, "Stripe emulator, BENCH_STRIPE_PORT");
  }
  const baseUrl = `http://127.0.0.1:${options.appPort}`;
  const logDir = path.join(ROOT, ".data", "bench");
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, "server.log");
  const log = openSync(logFile, "w");
  const env = appEnv(options, baseUrl);
  const child = spawnGroup("app server (npm start)", "npm", ["start"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", log, log],
  });
  let exited: string | null = null;
  child.once("exit", (code, signal) => (exited = `exited (${code ?? signal})`));

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exited) throw new Error(`the app ${exited}; its log (${logFile}):\n${tail(logFile)}`);
    if (Date.now() > deadline) {
      throw new Error(
        `the app was not healthy within ${START_TIMEOUT_MS / 1000} s:\n${tail(logFile)}`,
      );
    }
    const status = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) })
      .then((response) => response.status)
      .catch(() => 0);
    if (status === 200) break;
    // 503 is the database not answering yet; 500 is the app failing (e.g. an invalid variable).
    if (status === 500)
      throw new Error(`/api/health answered 500; the app's log:\n${tail(logFile)}`);
    await sleep(250);
  }
  return {
    baseUrl,
    databaseUrl: options.databaseUrl ?? embeddedUrl(options.dbPort),
    embedded: !options.databaseUrl,
    poolMax: Number(env.DATABASE_POOL_MAX || 10),
    logFile,
    processGroup: child.pid!,
  };
}

/**
 * Starts the bare `node:http` server (scripts/bench/bare-server.ts) on 127.0.0.1:`port`.
 * @returns its base URL and pid once it listens.
 * @throws Error when the port is taken or the server exits first.
 */
export async function startBareServer(port: number): Promise<{ url: string; pid: number }> {
  await assertPortFree(port, "bare server, BENCH_BARE_PORT");
  const child = forkGroup(
    "bare node:http server",
    path.join(ROOT, "scripts/bench/bare-server.ts"),
    [String(port)],
  );
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`the bare server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid! };
}
