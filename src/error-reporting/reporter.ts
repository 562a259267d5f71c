/**
 * THE place an error tracker plugs in, for the server and the browser alike (README, "Error
 * reporting"). Every error report, already scrubbed (./report.ts), comes through
 * {@link sendErrorReport} after it has been logged: by the server's JSON log (src/server/errors.ts
 * `reportServerError`) or the browser console (src/components/error-reporting.ts).
 *
 * Default: nothing more. With Sentry (`npm install @sentry/nextjs`), replace the two functions:
 *
 *   import * as Sentry from "@sentry/nextjs";
 *   export function initErrorReporter(environment?: string) {
 *     // No automatic capture: only scrubbed reports from this hook leave the app.
 *     Sentry.init({ dsn: "https://…@….ingest.sentry.io/…", environment, defaultIntegrations: false,
 *       sendDefaultPii: false });
 *   }
 *   export function sendErrorReport(report: ErrorReport) {
 *     Sentry.captureException(Object.assign(new Error(report.error.message), report.error), {
 *       tags: { source: report.source, requestId: report.requestId }, extra: report.context });
 *   }
 *
 * Called from src/instrumentation.ts (server, with APP_ENV) and src/instrumentation-client.ts.
 */
import type { ErrorReport } from "./report";

/** Starts the error tracker once per process (server) or page load (browser). Default: none. */
export function initErrorReporter(environment?: string): void {
  void environment;
}

/** Sends one scrubbed report to the error tracker. Default: none (the report is logged). */
export function sendErrorReport(report: ErrorReport): void {
  void report;
}
