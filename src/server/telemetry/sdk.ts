/**
 * Starts OpenTelemetry tracing for this process: a tracer provider with the OTLP exporter
 * (http/protobuf, `@opentelemetry/exporter-trace-otlp-proto`), the async-local-storage context
 * manager, the W3C Trace Context propagator and Prisma's instrumentation (`@prisma/instrumentation`:
 * `prisma:client:operation` and `prisma:client:db_query` spans, through the driver adapter).
 *
 * Called at start-up (src/server/startup.ts, scripts/worker.ts) only when
 * `OTEL_EXPORTER_OTLP_ENDPOINT` is set; otherwise nothing here is loaded and the app's spans go to
 * the API's no-op tracer (src/server/telemetry/tracing.ts). The exporter reads the standard
 * `OTEL_EXPORTER_OTLP_*` variables itself (endpoint, headers, timeout), and `OTEL_SERVICE_NAME`
 * names the service (default "saas-starter"). Next.js sees the registered provider and adds its own
 * spans (`GET /route`, render and route-handler spans), which are the request's root.
 */
import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  TracerProvider,
  type ReadableSpan,
  type Span,
  type SpanExporter,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import { PrismaInstrumentation } from "@prisma/instrumentation";
import { LocalRootSpans } from "@/server/telemetry/tracing";

/**
 * Keeps {@link LocalRootSpans} current: a span with no parent in this process (none, or a remote
 * one from a `traceparent` header) is its trace's local root while it is open.
 */
class LocalRootSpanProcessor implements SpanProcessor {
  onStart(span: Span): void {
    if (!span.parentSpanContext || span.parentSpanContext.isRemote) {
      LocalRootSpans.byTrace.set(span.spanContext().traceId, span);
    }
  }
  onEnd(span: ReadableSpan): void {
    const { traceId } = span.spanContext();
    const root = LocalRootSpans.byTrace.get(traceId);
    if (root && root.spanContext().spanId === span.spanContext().spanId) {
      LocalRootSpans.byTrace.delete(traceId);
    }
  }
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    LocalRootSpans.byTrace.clear();
    return Promise.resolve();
  }
}

/** Options of {@link startTracing}. */
export interface TracingOptions {
  /** `service.name` of the spans; default `OTEL_SERVICE_NAME` or "saas-starter". */
  serviceName?: string;
  /**
   * Where spans go. Default: OTLP over http/protobuf to `OTEL_EXPORTER_OTLP_ENDPOINT`, batched.
   * Tests pass an in-memory exporter, which is given each span as it ends.
   */
  exporter?: SpanExporter;
}

/** A started tracing setup; `shutdown()` flushes pending spans and unregisters everything. */
export interface Tracing {
  provider: TracerProvider;
  shutdown(): Promise<void>;
}

const globalForTracing = globalThis as typeof globalThis & { tracing?: Tracing };

/**
 * Registers the global tracer provider, context manager and propagator, and enables Prisma's
 * instrumentation. Idempotent per process (a second call returns the first setup).
 */
export function startTracing(options: TracingOptions = {}): Tracing {
  if (globalForTracing.tracing) return globalForTracing.tracing;
  const exporting = options.exporter
    ? new SimpleSpanProcessor({ exporter: options.exporter })
    : new BatchSpanProcessor({ exporter: new OTLPTraceExporter() });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: options.serviceName ?? (process.env.OTEL_SERVICE_NAME || "saas-starter"),
    }),
    spanProcessors: [new LocalRootSpanProcessor(), exporting],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  const prisma = new PrismaInstrumentation();
  prisma.setTracerProvider(provider);
  prisma.enable();
  const tracing: Tracing = {
    provider,
    async shutdown() {
      prisma.disable();
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
      globalForTracing.tracing = undefined;
    },
  };
  globalForTracing.tracing = tracing;
  return tracing;
}

/** Whether {@link startTracing} has run in this process. */
export function tracingStarted(): boolean {
  return globalForTracing.tracing !== undefined;
}
