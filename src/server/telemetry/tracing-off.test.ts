/**
 * With no tracing SDK started (no `OTEL_EXPORTER_OTLP_ENDPOINT`), the app's spans are the API's
 * no-op ones: nothing is recorded, no trace context is stored on jobs, log lines carry no trace
 * ids and the request id goes nowhere. (A file of its own: tracing.test.ts starts the SDK.)
 */
import type { Writable } from "node:stream";
import { trace } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { enqueue } from "@/server/jobs/queue";
import { createLogger, requestLogger } from "@/server/log";
import { tracingStarted } from "@/server/telemetry/sdk";
import { inSpan, LocalRootSpans } from "@/server/telemetry/tracing";
import { cleanDatabaseBeforeEach } from "@/test/database";

cleanDatabaseBeforeEach();

describe("tracing off", () => {
  it("records nothing, stores no trace context on jobs and adds no ids to logs", async () => {
    expect(tracingStarted()).toBe(false);
    const lines: string[] = [];
    const sink = { write: (line: string) => void lines.push(line) } as unknown as Writable;
    const log = createLogger(sink, "info");
    await inSpan("request", {}, async (span) => {
      expect(span.isRecording()).toBe(false);
      expect(trace.getActiveSpan()?.isRecording() ?? false).toBe(false);
      requestLogger(new Headers({ "x-request-id": "req-12345678" }), log).info("inside");
      await enqueue("cleanup", {});
    });
    expect(LocalRootSpans.byTrace.size).toBe(0);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line.requestId).toBe("req-12345678");
    expect(line).not.toHaveProperty("trace_id");
    const [job] = await db.$queryRaw<{ data: unknown; trace_context: unknown }[]>`
      SELECT data, trace_context FROM pgboss.job WHERE name = 'cleanup'`;
    expect(job).toEqual({ data: {}, trace_context: null });
  });
});
