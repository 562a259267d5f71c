/**
 * The app's logger: one pino instance writing JSON lines to stdout, e.g.
 * `{"level":"error","time":"2025-01-01T00:00:00.000Z","pid":1,"hostname":"web-1",
 * "requestId":"5f0c…","path":"workspace.create","code":"INTERNAL_SERVER_ERROR",
 * "err":{"name":"TRPCError","message":"…","code":"INTERNAL_SERVER_ERROR"},"msg":"tRPC call failed"}`.
 *
 * - The level comes from `LOG_LEVEL` (default "info"); "silent" turns logging off.
 * - Fields that carry secrets are censored by path ({@link REDACT_PATHS}) before a line is written,
 *   so logging a whole object by mistake does not leak a password, token, cookie or signature.
 * - Errors (`err`) are reduced to name, message, code and stack ({@link serializeError}); their
 *   `cause` contributes its name and code only, never its payload (request bodies, rows, Stripe
 *   responses). Known secret shapes in messages are masked as well.
 * - {@link requestLogger} gives a request its own child logger with a `requestId`, which the tRPC
 *   endpoint also returns as the `x-request-id` response header. With tracing on
 *   (src/server/telemetry), the id is also the `request.id` attribute of the request's root span,
 *   and every line written inside a span carries its `trace_id` and `span_id`.
 *
 * Never log procedure inputs or request bodies: log ids, codes and outcomes.
 */
import pino, { type DestinationStream, type Level, type Logger } from "pino";
import { env } from "@/env";
import { REDACTED, scrubText } from "@/error-reporting/report";
import { logTraceFields, markRequest } from "@/server/telemetry/tracing";

/** Field names whose values are secret wherever they appear (top level or one level down). */
const SECRET_KEYS = [
  "password",
  "passwordHash",
  "token",
  "cookie",
  "authorization",
  "secret",
  "stripeSignature",
] as const;

/**
 * The censored paths (pino `redact`, https://getpino.io/#/docs/redaction). A `*` matches one
 * level: `*.token` censors `{ user: { token } }`, and the bare key censors `{ token }`. `content` is
 * the body of an export (CSV) and of an email.
 */
export const REDACT_PATHS: readonly string[] = [
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`]),
  "content",
  "*.content",
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["stripe-signature"]',
  "headers.cookie",
  "headers.authorization",
  'headers["stripe-signature"]',
  'headers["set-cookie"]',
  'res.headers["set-cookie"]',
];

/**
 * `text` with every secret shape masked (src/error-reporting/report.ts, SECRET_PATTERNS: the
 * same list error reports use), cut to `max` characters.
 */
function scrub(text: string, max: number): string {
  return scrubText(text, max, false);
}

/** An error as it appears in a log line. */
export interface SerializedError {
  name: string;
  message: string;
  /** The error's own code (TRPCError's "INTERNAL_SERVER_ERROR", pg's "23505", Prisma's "P2002"). */
  code?: string | number;
  stack?: string;
  /** Name and code of the direct `cause`, when there is one: never its message or data. */
  cause?: { name: string; code?: string | number };
}

/** The `code` of `error` when it is a string or a number. */
function codeOf(error: object): string | number | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" || typeof code === "number" ? code : undefined;
}

/**
 * The `err` serializer: name, message, code and stack of `value`, with secret shapes masked.
 * Other own properties (request payloads, query arguments, Stripe's `raw`) and the `cause`'s
 * message are dropped. A string passes through (scrubbed); any other value becomes its type.
 */
export function serializeError(value: unknown): SerializedError | string {
  if (typeof value === "string") return scrub(value, 2_000);
  if (!(value instanceof Error)) return { name: typeof value, message: "(non-Error value thrown)" };
  const out: SerializedError = { name: value.name, message: scrub(value.message, 2_000) };
  const code = codeOf(value);
  if (code !== undefined) out.code = code;
  if (value.stack) out.stack = scrub(value.stack, 4_000);
  const cause: unknown = value.cause;
  if (typeof cause === "object" && cause !== null) {
    const name = cause instanceof Error ? cause.name : "object";
    const causeCode = codeOf(cause);
    out.cause = causeCode === undefined ? { name } : { name, code: causeCode };
  }
  return out;
}

/**
 * A logger with the app's options writing to `destination` (default stdout) at `level` (default
 * `LOG_LEVEL`). The app uses {@link logger}; tests pass an in-memory stream.
 */
export function createLogger(
  destination?: DestinationStream,
  level: Level | "silent" = env.LOG_LEVEL,
): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    serializers: { err: serializeError },
    formatters: { level: (label) => ({ level: label }) },
    // `{}` unless a span is active (tracing on): then the line names its trace.
    mixin: logTraceFields,
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

/** The app's logger (JSON lines on stdout). */
export const logger: Logger = createLogger();

/** An incoming request id is reused only when it is a plain token: no spaces, newlines or quotes. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Whether `value` may be reused as a request id (8–128 of `A-Z a-z 0-9 . _ -`). */
export function isSafeRequestId(value: string | null | undefined): value is string {
  return typeof value === "string" && SAFE_REQUEST_ID.test(value);
}

/**
 * The request's id: its `x-request-id` header (set by a proxy or the caller) when that is a safe
 * token, else a new random UUID, so a client cannot inject text into the logs.
 */
export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get("x-request-id");
  return isSafeRequestId(incoming) ? incoming : crypto.randomUUID();
}

/**
 * A child of `base` (default {@link logger}) whose every line carries the request's `requestId`
 * ({@link requestIdFrom}); read it back with `log.bindings().requestId`. The id is put on the
 * request's spans too (`request.id`; a no-op with tracing off).
 */
export function requestLogger(headers: Headers, base: Logger = logger): Logger {
  const requestId = requestIdFrom(headers);
  markRequest(requestId);
  return base.child({ requestId });
}
