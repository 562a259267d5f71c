/**
 * Error reports: the one shape the server (Next's `onRequestError`, tRPC, job failures) and the
 * browser (error boundaries, `window.onerror`) report errors in, and the scrubber every report
 * goes through before it is logged or handed to an error tracker (./reporter.ts).
 *
 * Client-safe: no server imports. What is scrubbed, and why (an error tracker is a third party,
 * and what reaches it is kept for months):
 * - context keys that name secrets or personal data ({@link SENSITIVE_KEY}: passwords, tokens,
 *   cookies, authorization, sessions, signatures, API keys, emails, one-time codes) lose their value;
 * - in every string (message, stack, context values): email addresses, Stripe keys and webhook
 *   secrets, password hashes, bearer tokens and JWTs are masked ({@link scrubText});
 * - URLs and paths lose their query string and fragment (reset and verification links carry their
 *   token there);
 * - request headers and bodies are never part of a report; ids (request, user, workspace, job) are.
 */

/** Where the error happened. */
export type ErrorSource = "request" | "trpc" | "job" | "client";

/** A context value: plain data only. */
export type ContextValue = string | number | boolean | null;

/** One scrubbed report, as logged and as handed to the error tracker. */
export interface ErrorReport {
  readonly source: ErrorSource;
  readonly error: {
    readonly name: string;
    readonly message: string;
    readonly stack?: string;
    /** The error's own code (tRPC's "INTERNAL_SERVER_ERROR", pg's "23505"). */
    readonly code?: string | number;
    /** Next's digest of a server error: the same in the browser's report and the server's. */
    readonly digest?: string;
  };
  /** The request's id (`x-request-id`), matching the server's log lines. */
  readonly requestId?: string;
  /** Where it happened: route, path (no query), method, procedure, job name and id… */
  readonly context: Readonly<Record<string, ContextValue>>;
  /** The deployment (APP_ENV: local, staging, production), when known. */
  readonly environment?: string;
  /** When it was reported, ISO 8601. */
  readonly time: string;
}

/** What is masked in place of a secret. */
export const REDACTED = "[Redacted]";

/** Context keys whose values are never reported. */
export const SENSITIVE_KEY =
  /pass(word|phrase)?|secret|token|cookie|authori[sz]ation|session|signature|api[-_]?key|private[-_]?key|e-?mail|otp|totp|csrf|credit|card/i;

/** Secret shapes masked wherever they appear in a string (logs use them too: src/server/log.ts). */
export const SECRET_PATTERNS: readonly RegExp[] = [
  /\$argon2(?:id|i|d)\$[A-Za-z0-9$=,+/.]*/g,
  /\b(?:whsec|sk_test|sk_live|rk_test|rk_live)_[A-Za-z0-9]+/g,
  /(token=)[A-Za-z0-9_-]{20,}/g,
];

/** Shapes of personal data and credentials masked in reports (beyond {@link SECRET_PATTERNS}). */
const REPORT_PATTERNS: readonly [RegExp, string][] = [
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, "[email]"],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, REDACTED],
  // A URL's query string and fragment: links carry their tokens there.
  [/(\bhttps?:\/\/[^\s?#"'<>]*|(?<![\w/])\/[\w\-./[\]()]*)[?#][^\s"'<>]*/g, "$1"],
];

/**
 * `text` with every secret shape ({@link SECRET_PATTERNS}) masked, cut to `max` characters; with
 * `personal`, also emails, bearer tokens, JWTs and URLs' query strings (reports).
 */
export function scrubText(text: string, max: number, personal = true): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (_match, prefix?: unknown) =>
      typeof prefix === "string" ? `${prefix}${REDACTED}` : REDACTED,
    );
  }
  if (personal) for (const [pattern, to] of REPORT_PATTERNS) out = out.replace(pattern, to);
  return out.length > max ? `${out.slice(0, max)}…` : out;
}

/** `context` with sensitive keys' values redacted, strings scrubbed, other values dropped. */
export function scrubContext(
  context: Readonly<Record<string, unknown>>,
): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {};
  for (const [key, value] of Object.entries(context)) {
    if (value === undefined) continue;
    if (SENSITIVE_KEY.test(key)) out[key] = REDACTED;
    else if (typeof value === "string") out[key] = scrubText(value, 500);
    else if (typeof value === "number" || typeof value === "boolean" || value === null) {
      out[key] = value;
    }
    // Objects and arrays are not reported: they are where payloads and rows hide.
  }
  return out;
}

/** The `code` of `error` when it is a string or a number. */
function codeOf(error: object): string | number | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" || typeof code === "number" ? code : undefined;
}

/**
 * The scrubbed report of `error` (anything thrown) from `source`. `context` may hold anything: it
 * is scrubbed ({@link scrubContext}); `requestId` is kept only when it is a plain token.
 */
export function buildReport(
  error: unknown,
  source: ErrorSource,
  options: {
    requestId?: string | null;
    environment?: string | null;
    context?: Readonly<Record<string, unknown>>;
  } = {},
): ErrorReport {
  const base =
    error instanceof Error
      ? { name: error.name, message: error.message, stack: error.stack }
      : {
          name: typeof error,
          message: typeof error === "string" ? error : "(non-Error value thrown)",
        };
  const code = typeof error === "object" && error !== null ? codeOf(error) : undefined;
  const digest =
    typeof error === "object" && error !== null
      ? (error as { digest?: unknown }).digest
      : undefined;
  const requestId = options.requestId;
  return {
    source,
    error: {
      name: scrubText(base.name, 200),
      message: scrubText(base.message, 2_000),
      ...("stack" in base && base.stack ? { stack: scrubText(base.stack, 4_000) } : {}),
      ...(code !== undefined ? { code } : {}),
      ...(typeof digest === "string" ? { digest: digest.slice(0, 100) } : {}),
    },
    ...(requestId && /^[A-Za-z0-9._-]{8,128}$/.test(requestId) ? { requestId } : {}),
    context: scrubContext(options.context ?? {}),
    ...(options.environment ? { environment: scrubText(options.environment, 40) } : {}),
    time: new Date().toISOString(),
  };
}
