/**
 * The domain error that services throw. Services know nothing of tRPC or HTTP; one middleware
 * (`src/server/api/init.ts`) maps a DomainError to the TRPCError of the same code.
 */

/** What went wrong, in the vocabulary tRPC and HTTP share (404, 409, 403, 400, 402, 429). */
export type DomainErrorCode =
  | "UNAUTHORIZED"
  | "NOT_FOUND"
  | "CONFLICT"
  | "FORBIDDEN"
  | "BAD_REQUEST"
  | "PAYMENT_REQUIRED"
  | "TOO_MANY_REQUESTS";

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

/** What an {@link EntitlementError} tells the client, so it can offer the right upgrade. */
export interface UpgradeHint {
  /** The limit or feature that was hit, e.g. "maxProjects" or "csvExport". */
  entitlement: string;
  /** The workspace's current limit (null for a feature the plan lacks). */
  limit: number | null;
  /** The workspace's current plan. */
  plan: string;
}

/**
 * A plan limit was reached (HTTP 402, tRPC PAYMENT_REQUIRED). The error formatter passes
 * {@link UpgradeHint} to the client as `data.upgrade`, which shows an upgrade prompt.
 */
export class EntitlementError extends DomainError {
  constructor(
    message: string,
    readonly upgrade: UpgradeHint,
  ) {
    super("PAYMENT_REQUIRED", message);
  }
}
