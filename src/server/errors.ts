/**
 * The domain error that services throw. Services know nothing of tRPC or HTTP; one middleware
 * (`src/server/api/init.ts`) maps a DomainError to the TRPCError of the same code.
 */

/** What went wrong, in the vocabulary tRPC and HTTP share (404, 409, 403, 400, 429). */
export type DomainErrorCode =
  "UNAUTHORIZED" | "NOT_FOUND" | "CONFLICT" | "FORBIDDEN" | "BAD_REQUEST" | "TOO_MANY_REQUESTS";

/**
 * A business-rule failure with a message safe to show to the user. With `field`, the message
 * belongs next to that form field (it reaches the client like a zod field error).
 */
export class DomainError extends Error {
  override readonly name = "DomainError";

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
