/**
 * The tRPC endpoint: `/api/trpc/<procedure path>`, batched GET for queries and POST for mutations.
 * Cross-site POSTs are refused before any procedure runs (src/server/auth/csrf.ts).
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { env } from "@/env";
import { createTRPCContext } from "@/server/api/init";
import { appRouter } from "@/server/api/root";
import { isSameOriginRequest } from "@/server/auth/csrf";
import { RateLimitError } from "@/server/auth/rate-limit";
import { describeConnectionFailure } from "@/server/db-errors";

function handler(req: Request) {
  if (!isSameOriginRequest(req)) {
    return Response.json(
      { error: { message: "Cross-site request refused.", code: "FORBIDDEN" } },
      { status: 403 },
    );
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => createTRPCContext({ headers: req.headers, resHeaders }),
    responseMeta({ errors }) {
      const limited = errors.map((e) => e.cause).find((c) => c instanceof RateLimitError);
      return limited ? { headers: { "Retry-After": String(limited.retryAfterSeconds) } } : {};
    },
    onError({ path, error }) {
      if (error.code !== "INTERNAL_SERVER_ERROR" && error.code !== "SERVICE_UNAVAILABLE") return;
      const line =
        describeConnectionFailure(error, env.DATABASE_URL) ?? `${error.name}: ${error.message}`;
      console.error(`tRPC ${path ?? "<no path>"} failed: ${line}`);
    },
  });
}

export { handler as GET, handler as POST };
