/**
 * Runs a command with a database ready: `tsx scripts/with-db.ts -- next dev`, or
 * `-- node .next/standalone/server.js` (what `npm start` runs: the `output: "standalone"` build).
 *
 * With `DATABASE_URL` set, the command gets it unchanged (pending migrations are reported, not
 * applied: run `npm run db:migrate`). Without it, the embedded PGlite server starts (or is joined),
 * pending migrations are applied, a new database is seeded, and the command runs with
 * `DATABASE_URL` pointing at it. With no `STRIPE_SECRET_KEY`, the local Stripe emulator starts
 * too (tools/local-stripe.ts) and the command gets its settings. `next dev`, and any command
 * on the embedded database, also gets a job worker (scripts/worker.ts) beside it. Signals are
 * forwarded; the servers and the worker stop when the command exits.
 *
 * Before the command starts, the environment it gets is checked as `npm run env:check` checks it
 * (tools/env-check.ts): the problems are listed and nothing starts when there are any.
 */
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { constants } from "node:os";
import path from "node:path";
import { migrationStatus } from "@saas/local-postgres/migrate";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "../prisma/paths";
import { describeConnectionFailure } from "../src/server/db-errors";
import { migrate, openDatabase, ROOT, seedAndReport } from "../tools/database";
import { checkEnvironment, formatReport, loadEnvironment } from "../tools/env-check";
import { emulatorEnv, emulatorPort, usesEmulator } from "../tools/local-stripe";
import { runScript } from "../tools/run-script";

let databaseUrl: string | undefined;

/**
 * Starts the Stripe emulator for a local run, delivering webhooks to the app on `appPort`; its
 * state lives next to the embedded database's (in memory when that is). When its port is taken
 * by another local run's emulator, that one is joined. Returns the app's Stripe variables.
 */
async function startLocalStripe(appPort: string, inMemory: boolean) {
  const port = emulatorPort();
  const [{ startStripeEmulator }, { emulatorPriceSeeds }] = await Promise.all([
    import("@saas/stripe-emulator"),
    import("../src/server/billing/emulator-prices"),
  ]);
  const env = emulatorEnv(port);
  try {
    const emulator = await startStripeEmulator({
      port,
      webhookUrl: `http://127.0.0.1:${appPort}/api/webhooks/stripe`,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET!,
      prices: emulatorPriceSeeds(),
      dataFile: inMemory ? undefined : ".data/stripe-emulator.json",
      log: (line) => console.log(`  [stripe] ${line}`),
    });
    console.log(`  ✓ Stripe emulator at ${emulator.url} (no STRIPE_SECRET_KEY set)`);
    return { env: { ...env, STRIPE_API_BASE: emulator.url }, close: () => emulator.close() };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    console.log(`  ✓ joining the Stripe emulator already on port ${port}`);
    return { env, close: async () => {} };
  }
}

/**
 * Prints one line when `DATABASE_URL` has pending migrations, or cannot be reached: the command
 * still starts, so a server can come up before its database and recover when it answers.
 */
async function warnAboutPendingMigrations(url: string): Promise<void> {
  try {
    const { pending } = await migrationStatus({
      connectionString: url,
      migrationsDir: MIGRATIONS_DIR,
      schemaPath: SCHEMA_PATH,
    });
    if (pending.length > 0) {
      console.warn(`  ! ${pending.length} pending migration(s): run \`npm run db:migrate\``);
    }
  } catch (error) {
    const line = describeConnectionFailure(error, url);
    if (!line) throw error;
    console.warn(`  ! ${line}`);
  }
}

/** `npm run worker`'s process, with the same environment as the app (scripts/worker.ts). */
function startWorkerProcess(env: NodeJS.ProcessEnv) {
  const tsx = path.join(ROOT, "node_modules/.bin/tsx");
  return spawn(tsx, [path.join(ROOT, "scripts/worker.ts")], {
    stdio: "inherit",
    env: { ...env, JOBS_POLL_INTERVAL_SECONDS: env.JOBS_POLL_INTERVAL_SECONDS || "1" },
  });
}

/**
 * Checks the command's environment (`filled`: what this script set) as the server will read it:
 * prints one line and returns true when it is fine, else prints the problems and returns false.
 */
function environmentOk(
  env: NodeJS.ProcessEnv,
  filled: Record<string, string | undefined>,
  dev: boolean,
) {
  const { origins } = loadEnvironment(ROOT, process.env.NODE_ENV !== "production");
  const report = checkEnvironment(
    // The built server runs with NODE_ENV=production whatever the shell says (server.js sets it).
    { ...env, NODE_ENV: dev ? "development" : "production" },
    {
      ...origins,
      ...Object.fromEntries(Object.keys(filled).map((name) => [name, "set by npm run dev|start"])),
    },
  );
  if (report.errorCount === 0) {
    console.log(`  ✓ environment ok for ${report.deployment} (npm run env:check lists it)`);
    return true;
  }
  console.error(formatReport(report, "problems"));
  return false;
}

runScript(
  async () => {
    const command = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === "--"));
    if (command.length === 0) throw new Error("usage: tsx scripts/with-db.ts -- <command> [args]");

    const database = await openDatabase();
    databaseUrl = database.url;
    if (database.embedded) {
      await migrate(database);
      if (database.created) await seedAndReport(database);
      console.log(`  ✓ embedded PostgreSQL ready at ${database.url}`);
    } else {
      await warnAboutPendingMigrations(database.url);
    }

    const [file, ...args] = command as [string, ...string[]];
    const dev = args[0] === "dev";
    // The embedded database and its mail outbox are for this machine only: the production server
    // on them listens on loopback (the standalone server reads HOSTNAME), so /dev/mailbox is not
    // served to the network.
    const loopback = database.embedded && !dev ? { HOSTNAME: "127.0.0.1" } : {};
    // A local database means a local trial: keep mail in the outbox unless told otherwise.
    const mail = database.embedded
      ? { MAIL_TRANSPORT: process.env.MAIL_TRANSPORT || "outbox" }
      : {};
    // Never for a production-like `start` on a real database: a forgotten key must fail loudly.
    const stripe =
      usesEmulator() && (dev || database.embedded)
        ? await startLocalStripe(
            process.env.PORT || "3000",
            (process.env.EMBEDDED_DB_DIR ?? "").startsWith("memory://") && database.embedded,
          )
        : null;
    // A local database means a local deployment: staging and production requirements do not apply.
    const deployment = database.embedded ? { APP_ENV: process.env.APP_ENV || "local" } : {};
    // The standalone server runs from .next/standalone and the worker from here: one absolute
    // directory lets both see the local storage driver's files.
    const storage = {
      STORAGE_LOCAL_DIR: path.resolve(ROOT, process.env.STORAGE_LOCAL_DIR || ".data/storage"),
    };
    // The worker tells the app to refresh the public pages it changed (scheduled posts): one
    // token for this run, shared by both, unless one is set.
    const revalidate = {
      REVALIDATE_TOKEN: process.env.REVALIDATE_TOKEN || randomBytes(24).toString("base64url"),
    };
    const filled = {
      ...mail,
      ...loopback,
      ...storage,
      ...revalidate,
      ...stripe?.env,
      ...deployment,
      DATABASE_URL: database.url,
    };
    const env = { ...process.env, ...filled };
    if (!environmentOk(env, filled, dev)) {
      await stripe?.close();
      await database.close();
      process.exit(1);
    }
    const child = spawn(file, args, { stdio: "inherit", env });
    // A local run gets a job worker; production runs `npm run worker` on its own.
    const worker = dev || database.embedded ? startWorkerProcess(env) : null;
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      process.on(signal, () => {
        child.kill(signal);
        worker?.kill("SIGTERM");
      });
    }
    const code = await new Promise<number>((resolve) => {
      child.on("exit", (exitCode, signal) =>
        resolve(exitCode ?? 128 + (signal ? constants.signals[signal] : 0)),
      );
      child.on("error", (error) => {
        console.error(`✖ could not start ${file}: ${error.message}`);
        resolve(127);
      });
    });
    if (worker && worker.exitCode === null) {
      worker.kill("SIGTERM");
      await new Promise((resolve) => worker.once("exit", resolve));
    }
    await stripe?.close();
    await database.close();
    process.exit(code);
  },
  () => databaseUrl ?? process.env.DATABASE_URL,
);
