/**
 * The tRPC endpoint: `/api/trpc/<procedure path>`, batched GET for queries and POST for mutations.
 * Before any procedure runs: cross-site POSTs are refused (403, src/server/auth/csrf.ts); a body
 * over {@link TRPC_MAX_BODY_BYTES} answers 413 unparsed; a batch of more than
 * {@link TRPC_MAX_BATCH_SIZE} calls answers 400 (tRPC's `maxBatchSize`). The auth procedures
 * (sign-in, sign-up, reset…) live here, so these limits cover them.
 *
 * Every answer carries `Cache-Control: private, no-store`, errors and public queries included:
 * answers depend on the session cookie and may set a renewed one, so neither a shared cache nor
 * the browser's may keep them (RFC 9111 §5.2.2.5; OWASP ASVS V8.2.1). TanStack Query is the cache.
 */
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { env } from "@/env";
import { createTRPCContext } from "@/server/api/init";
import { appRouter } from "@/server/api/root";
import { isSameOriginRequest } from "@/server/auth/csrf";
import { RateLimitError } from "@/server/auth/rate-limit";
import { describeConnectionFailure } from "@/server/db-errors";
import { reportServerError } from "@/server/error-reporting";
import { PayloadTooLargeError, readBodyWithin } from "@/server/http/body-limit";
import { requestLogger } from "@/server/log";
import { measuredRoute } from "@/server/telemetry/route";
import { TRPC_MAX_BATCH_SIZE, TRPC_MAX_BODY_BYTES } from "@/schemas/request-limits";

/** Client errors worth a warning (abuse, misuse); other 4xx are logged at info. */
const WARN_CODES: ReadonlySet<string> = new Set([
  "FORBIDDEN",
  "TOO_MANY_REQUESTS",
  "PARSE_ERROR",
  "METHOD_NOT_SUPPORTED",
  "PAYLOAD_TOO_LARGE",
]);

async function handler(req: Request) {
  const log = requestLogger(req.headers);
  const headers: Record<string, string> = {
    "x-request-id": String(log.bindings().requestId),
    "Cache-Control": "private, no-store",
  };
  /** A refusal by this route before tRPC runs: `{ error: { message, code } }`. */
  const refuse = (status: number, code: string, message: string) => {
    log.warn({ code }, "tRPC request refused");
    return Response.json({ error: { message, code } }, { status, headers });
  };
  if (!isSameOriginRequest(req)) return refuse(403, "FORBIDDEN", "Cross-site request refused.");
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (req.method === "POST") {
    try {
      body = await readBodyWithin(req, TRPC_MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) {
        return refuse(413, "PAYLOAD_TOO_LARGE", error.message);
      }
      throw error;
    }
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    // The body, already read within the limit, is handed to tRPC as bytes.
    req: body
      ? new Request(req.url, { method: req.method, headers: req.headers, body, signal: req.signal })
      : req,
    router: appRouter,
    maxBatchSize: TRPC_MAX_BATCH_SIZE,
    createContext: ({ resHeaders }) =>
      createTRPCContext({ headers: req.headers, resHeaders, shareReads: true }),
    responseMeta({ errors }) {
      const limited = errors.map((e) => e.cause).find((c) => c instanceof RateLimitError);
      if (!limited) return { headers };
      return { headers: { ...headers, "Retry-After": String(limited.retryAfterSeconds) } };
    },
    // Every error once, by path and code; never the input. Server errors carry the error itself
    // (src/server/log.ts keeps name, message and code) and the database's address when unreachable,
    // and are reported to the error tracker (src/error-reporting/reporter.ts).
    onError({ path, error }) {
      const fields = { path: path ?? "<no path>", code: error.code };
      if (getHTTPStatusCodeFromError(error) >= 500) {
        const database = describeConnectionFailure(error, env.DATABASE_URL) ?? undefined;
        log.error({ ...fields, err: error, database }, "tRPC call failed");
        // Logged just above: the report goes to the error tracker only.
        reportServerError(error.cause ?? error, "trpc", {
          requestId: headers["x-request-id"],
          context: fields,
          logged: true,
        });
      } else {
        log[WARN_CODES.has(error.code) ? "warn" : "info"](fields, "tRPC client error");
      }
    },
  });
}

const measured = measuredRoute("/api/trpc", handler);

export { measured as GET, measured as POST };
