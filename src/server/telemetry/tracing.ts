/**
 * The app's tracing API: spans are made through `@opentelemetry/api` only, so with no SDK started
 * (no `OTEL_EXPORTER_OTLP_ENDPOINT`, src/server/telemetry/sdk.ts) every call here hits the API's
 * no-op tracer: no span is recorded and nothing is allocated beyond a non-recording span.
 *
 * - {@link inSpan} runs a function in an active span, recording a thrown error and ending the span.
 * - {@link logTraceFields}: `trace_id`/`span_id` of the active span for log lines (the OTel
 *   "trace context in non-OTLP log formats" names).
 * - {@link markRequest}: puts the request id on the request's root span (see
 *   {@link LocalRootSpans}), so a log line's `requestId` finds its trace and back.
 *
 * Jobs carry their sender's trace context through pg-boss's own instrumentation
 * (src/server/jobs/queue.ts).
 */
import {
  context,
  isSpanContextValid,
  type Attributes,
  type Context,
  type Span,
  type SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";

/** The instrumentation scope of the app's own spans. */
export const TRACER_NAME = "saas-starter";

/** The attribute holding the request id (`x-request-id`, src/server/log.ts) on request spans. */
export const REQUEST_ID_ATTRIBUTE = "request.id";

/** The app's tracer: a proxy of the API's no-op tracer until an SDK registers a provider. */
export const tracer = trace.getTracer(TRACER_NAME);

/** Options of {@link inSpan}. */
export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /** The parent context; default the active one. */
  parent?: Context;
}

/**
 * Runs `fn` inside a new active span `name`, then ends it. A thrown error is recorded on the span
 * (exception event, status ERROR) and rethrown. Returns what `fn` returns.
 */
export function inSpan<T>(
  name: string,
  options: SpanOptions,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  return tracer.startActiveSpan(
    name,
    { kind: options.kind, attributes: options.attributes },
    parent,
    async (span) => {
      try {
        return await fn(span);
      } catch (error) {
        failSpan(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** Marks `span` failed by `error`: an exception event and status ERROR with the error's name. */
export function failSpan(span: Span, error: unknown): void {
  if (!span.isRecording()) return;
  if (error instanceof Error) span.recordException(error);
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.name : "non-Error thrown",
  });
}

/**
 * `{ trace_id, span_id }` of the active span for a log line, or `{}` when there is none (tracing
 * off). Used as pino's `mixin` (src/server/log.ts), so every line written inside a span carries it.
 */
export function logTraceFields(): { trace_id?: string; span_id?: string } {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const ids = span.spanContext();
  return isSpanContextValid(ids) ? { trace_id: ids.traceId, span_id: ids.spanId } : {};
}

const globalForRoots = globalThis as typeof globalThis & { localRootSpans?: Map<string, Span> };

/**
 * The local root span (the first span of a trace in this process: Next's `POST /api/trpc/[trpc]`
 * span, or a job's span) of every open trace, kept by a span processor the SDK installs
 * (src/server/telemetry/sdk.ts). Without the SDK it stays empty. The map lives on `globalThis`:
 * Next bundles `instrumentation.ts` (which starts the SDK) apart from the routes, so each bundle
 * has its own copy of this module.
 */
export const LocalRootSpans = {
  byTrace: (globalForRoots.localRootSpans ??= new Map<string, Span>()),
  /** The local root span of the trace `ctx` is in, if it is still open. */
  of(ctx: Context = context.active()): Span | undefined {
    const traceId = trace.getSpan(ctx)?.spanContext().traceId;
    return traceId ? this.byTrace.get(traceId) : undefined;
  },
};

/**
 * Puts `requestId` ({@link REQUEST_ID_ATTRIBUTE}) on the active span and on the request's local root
 * span, so the id in the request's log lines and `x-request-id` header finds its trace. A no-op
 * when tracing is off.
 */
export function markRequest(requestId: string): void {
  const active = trace.getActiveSpan();
  if (!active?.isRecording()) return;
  active.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
  LocalRootSpans.of()?.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
}
