/**
 * Error reporting in the browser: error boundaries (src/components/feedback/segment-error.tsx,
 * src/app/global-error.tsx) and the global handlers (`window` "error" and "unhandledrejection",
 * installed by src/instrumentation-client.ts) report here. Each report is scrubbed (./report.ts),
 * written to the console as one JSON line, and handed to the error tracker (./reporter.ts).
 * The page's request id and APP_ENV come from the root layout's `<meta>` tags.
 */
import { buildReport, type ErrorReport } from "./report";
import { sendErrorReport } from "./reporter";

/** The `content` of the page's `<meta name>` tag (set by src/app/layout.tsx), if any. */
function pageMeta(name: string): string | null {
  return document.querySelector(`meta[name="${name}"]`)?.getAttribute("content") ?? null;
}

/**
 * Reports `error` from the browser with `context` (scrubbed; the page's path, without its query,
 * is added). Never throws: a failing tracker must not break the page.
 */
export function reportClientError(
  error: unknown,
  context: Readonly<Record<string, unknown>> = {},
): ErrorReport {
  const report = buildReport(error, "client", {
    requestId: pageMeta("x-request-id"),
    environment: pageMeta("app-env"),
    context: { path: window.location.pathname, ...context },
  });
  console.error(JSON.stringify({ level: "error", msg: "error report", report }));
  try {
    sendErrorReport(report);
  } catch {
    // The tracker's own failure is not reported again.
  }
  return report;
}

/** Reports uncaught errors and unhandled promise rejections of the page. Once per page load. */
export function installGlobalErrorHandlers(): void {
  window.addEventListener("error", (event) =>
    reportClientError(event.error ?? event.message, { handler: "window.onerror" }),
  );
  window.addEventListener("unhandledrejection", (event) =>
    reportClientError(event.reason, { handler: "unhandledrejection" }),
  );
}
