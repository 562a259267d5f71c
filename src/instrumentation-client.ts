/**
 * Runs in the browser before the app starts (Next's client instrumentation): starts the error
 * tracker, if one is plugged in (src/error-reporting/reporter.ts), and reports uncaught errors.
 */
import { installGlobalErrorHandlers } from "@/error-reporting/client";
import { initErrorReporter } from "@/error-reporting/reporter";

initErrorReporter();
installGlobalErrorHandlers();
