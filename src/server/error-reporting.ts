/**
 * Error reporting on the server: Next's `onRequestError` (src/instrumentation.ts: pages, route
 * handlers, server actions), tRPC's server errors (src/app/api/trpc/[trpc]/route.ts) and failed
 * jobs (src/server/jobs/worker.ts) report here. Each report is scrubbed
 * (src/error-reporting/report.ts), logged as one JSON line (`"msg":"error report"`) and handed to
 * the error tracker (src/error-reporting/reporter.ts), which by default does nothing more.
 */
import "server-only";
import { deploymentOf } from "@/env-schema";
import { env } from "@/env";
import { buildReport, type ErrorReport, type ErrorSource } from "@/error-reporting/report";
import { sendErrorReport } from "@/error-reporting/reporter";
import { logger } from "@/server/log";

/**
 * Reports `error` from `source`. `requestId` ties it to the request's log lines; `context` (route,
 * procedure, job…) is scrubbed. `logged`: the caller has logged the error already (tRPC), so
 * the report is not logged again. Never throws.
 */
export function reportServerError(
  error: unknown,
  source: ErrorSource,
  options: {
    requestId?: string | null;
    context?: Readonly<Record<string, unknown>>;
    logged?: boolean;
  } = {},
): ErrorReport {
  const report = buildReport(error, source, { ...options, environment: deploymentOf(env) });
  if (!options.logged) logger.error({ report }, "error report");
  try {
    sendErrorReport(report);
  } catch (trackerError) {
    logger.warn({ err: trackerError }, "the error tracker failed to take a report");
  }
  return report;
}
