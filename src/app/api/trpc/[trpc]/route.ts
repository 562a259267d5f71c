/**
 * The tRPC endpoint: `/api/trpc/<procedure path>`, batched GET for queries and POST for mutations.
 * Cross-site POSTs are refused before any procedure runs (src/server/auth/csrf.ts).
 */
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { env } from "@/env";
import { createTRPCContext } from "@/server/api/init";
import { appRouter } from "@/server/api/root";
import { isSameOriginRequest } from "@/server/auth/csrf";
import { RateLimitError } from "@/server/auth/rate-limit";
import { describeConnectionFailure } from "@/server/db-errors";
import { requestLogger } from "@/server/log";

/** Client errors worth a warning (abuse, misuse); other 4xx are logged at info. */
const WARN_CODES: ReadonlySet<string> = new Set([
  "FORBIDDEN",
  "TOO_MANY_REQUESTS",
  "PARSE_ERROR",
  "METHOD_NOT_SUPPORTED",
  "PAYLOAD_TOO_LARGE",
]);

function handler(req: Request) {
  const log = requestLogger(req.headers);
  const requestId = String(log.bindings().requestId);
  if (!isSameOriginRequest(req)) {
    log.warn({ code: "FORBIDDEN" }, "tRPC cross-site request refused");
    return Response.json(
      { error: { message: "Cross-site request refused.", code: "FORBIDDEN" } },
      { status: 403, headers: { "x-request-id": requestId } },
    );
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => createTRPCContext({ headers: req.headers, resHeaders }),
    responseMeta({ errors }) {
      const limited = errors.map((e) => e.cause).find((c) => c instanceof RateLimitError);
      const headers: Record<string, string> = { "x-request-id": requestId };
      if (limited) headers["Retry-After"] = String(limited.retryAfterSeconds);
      return { headers };
    },
    // Every error once, by path and code; never the input. Server errors carry the error itself
    // (src/server/log.ts keeps name, message and code) and the database's address when unreachable.
    onError({ path, error }) {
      const fields = { path: path ?? "<no path>", code: error.code };
      if (getHTTPStatusCodeFromError(error) >= 500) {
        const database = describeConnectionFailure(error, env.DATABASE_URL) ?? undefined;
        log.error({ ...fields, err: error, database }, "tRPC call failed");
      } else {
        log[WARN_CODES.has(error.code) ? "warn" : "info"](fields, "tRPC client error");
      }
    },
  });
}

export { handler as GET, handler as POST };
