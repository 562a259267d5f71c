/**
 * Start-up work of the Next server (from `src/instrumentation.ts`; skipped by `next build`).
 */
import "server-only";
import type * as EnvModule from "@/env";

/**
 * Validates the environment, exiting with the one message that lists every bad variable; starts
 * tracing when `OTEL_EXPORTER_OTLP_ENDPOINT` is set (src/server/telemetry/sdk.ts; nothing is
 * loaded otherwise), before any request is served; makes
 * every request carry the client address the server trusts (src/server/http/client-address.ts),
 * first, as requests may already be arriving, and starts the error tracker if one is plugged in
 * (src/error-reporting/reporter.ts); warns when the benchmark routes are on; then probes
 * the database and prints one line when it does not answer. The server keeps running then: pages
 * and `/api/health/ready` report the outage, and the pool reconnects when it returns.
 */
export async function onServerStart(): Promise<void> {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  let env: typeof EnvModule.env;
  try {
    ({ env } = await import("@/env"));
  } catch {
    process.exit(1); // src/env.ts has printed the list of invalid variables.
  }
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { startTracing } = await import("@/server/telemetry/sdk");
    startTracing({ serviceName: env.OTEL_SERVICE_NAME });
  }
  const [{ trustClientAddress }, { initErrorReporter }, { deploymentOf }] = await Promise.all([
    import("@/server/http/client-address"),
    import("@/error-reporting/reporter"),
    import("@/env-schema"),
  ]);
  trustClientAddress(env.TRUSTED_PROXIES);
  initErrorReporter(deploymentOf(env));
  if (env.BENCHMARK_ROUTES) {
    console.warn("! BENCHMARK_ROUTES is on: /api/bench/* answers (for `npm run bench` only)");
  }
  const [{ db }, { databaseAddress }, { checkDatabase }] = await Promise.all([
    import("@/server/db"),
    import("@/server/db-errors"),
    import("@/server/services/health"),
  ]);
  const failure = await checkDatabase(db);
  if (failure) console.error(`✖ ${failure} at ${databaseAddress(env.DATABASE_URL)}`);
}
