/**
 * tRPC's initialisation: the context, the transformer, the error formatter and the base procedures.
 * Pattern: tRPC v11 "Set up with React Server Components" (trpc.io/docs/client/tanstack-react-query).
 */
import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { connectionFailureReason } from "@/server/db-errors";
import { DomainError } from "@/server/errors";

/**
 * The per-request context, built from the request's headers by the fetch handler and by server
 * components (`src/trpc/server.tsx`). Sessions join it in the accounts work.
 */
export async function createTRPCContext(opts: { headers: Headers }) {
  return { headers: opts.headers };
}

export type TRPCContext = Awaited<ReturnType<typeof createTRPCContext>>;

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  /**
   * Adds zod's flattened field errors (`data.zodError.fieldErrors.<field>: string[]`) so forms can
   * show them next to their fields, and hides internal error messages in production.
   */
  errorFormatter({ shape, error }) {
    const hideMessage =
      error.code === "INTERNAL_SERVER_ERROR" && process.env.NODE_ENV === "production";
    return {
      ...shape,
      message: hideMessage ? "Internal server error" : shape.message,
      data: {
        ...shape.data,
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

/**
 * Maps a {@link DomainError} thrown by a service to the TRPCError of the same code, and a lost
 * database connection to SERVICE_UNAVAILABLE (503), so clients may retry rather than see a 500.
 */
const errorMapping = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) {
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  if (connectionFailureReason(cause)) {
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: "The service is temporarily unavailable. Please try again shortly.",
      cause,
    });
  }
  return result;
});

/** A procedure anyone may call, signed in or not. */
export const publicProcedure = t.procedure.use(errorMapping);
