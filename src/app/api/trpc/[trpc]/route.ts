/**
 * The tRPC endpoint: `/api/trpc/<procedure path>`, batched GET for queries and POST for mutations.
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { env } from "@/env";
import { appRouter } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/init";
import { describeConnectionFailure } from "@/server/db-errors";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: req.headers }),
    onError({ path, error }) {
      if (error.code !== "INTERNAL_SERVER_ERROR" && error.code !== "SERVICE_UNAVAILABLE") return;
      const line =
        describeConnectionFailure(error, env.DATABASE_URL) ?? `${error.name}: ${error.message}`;
      console.error(`tRPC ${path ?? "<no path>"} failed: ${line}`);
    },
  });
}

export { handler as GET, handler as POST };
