/**
 * The job worker (`npm run worker`): runs the queued jobs of src/server/jobs on `DATABASE_URL`
 * (or joins the embedded database) until SIGTERM or SIGINT, then stops gracefully: no new jobs
 * are fetched and running ones get up to 30 s to finish (a job cut off is retried by another
 * worker). Run as many copies as you need; `npm run dev` starts one for you.
 *
 * The app's server-only modules load through tools/server-only-outside-next.ts (not
 * `--conditions=react-server`, under which React Email cannot render).
 */
import { openDatabase } from "../tools/database";
import { emulatorEnv, emulatorPort, usesEmulator } from "../tools/local-stripe";
import { runScript } from "../tools/run-script";
import { allowServerOnlyOutsideNext } from "../tools/server-only-outside-next";

allowServerOnlyOutsideNext();

let databaseUrl: string | undefined;

runScript(
  async () => {
    const database = await openDatabase();
    databaseUrl = database.url;
    process.env.DATABASE_URL = database.url;
    if (usesEmulator() && !process.env.STRIPE_API_BASE) {
      Object.assign(process.env, emulatorEnv(emulatorPort()));
    }
    // Traces of jobs, joined to the requests that enqueued them (README, "Observability").
    const tracing = process.env.OTEL_EXPORTER_OTLP_ENDPOINT
      ? (await import("../src/server/telemetry/sdk")).startTracing()
      : undefined;
    const [{ startWorker }, { env }, { deploymentOf }, { initErrorReporter }] = await Promise.all([
      import("../src/server/jobs/worker"),
      import("../src/env"),
      import("../src/env-schema"),
      import("../src/error-reporting/reporter"),
    ]);
    // Failed jobs are reported (src/server/jobs/worker.ts) to the tracker started here.
    initErrorReporter(deploymentOf(env));
    const worker = await startWorker({ pollingIntervalSeconds: env.JOBS_POLL_INTERVAL_SECONDS });
    console.log(`  ✓ job worker running (pid ${process.pid})`);
    const stop = async (signal: string) => {
      console.log(`  ${signal}: stopping the job worker after its running jobs…`);
      await worker.stop();
      await tracing?.shutdown(); // sends the spans still batched
      await database.close();
      process.exit(0);
    };
    process.once("SIGTERM", () => void stop("SIGTERM"));
    process.once("SIGINT", () => void stop("SIGINT"));
  },
  () => databaseUrl,
);
