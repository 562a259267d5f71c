/**
 * Stripe's error shape (https://docs.stripe.com/api/errors): `{ error: { type, message, param?,
 * code?, decline_code?, doc_url? } }` with Stripe's HTTP statuses, so the SDK raises the same
 * error classes it raises against api.stripe.com (StripeInvalidRequestError, …).
 */

export type StripeErrorType =
  | "invalid_request_error"
  | "card_error"
  | "authentication_error"
  | "api_error"
  | "idempotency_error";

/** The JSON body of an error answer. */
export interface StripeErrorBody {
  error: {
    type: StripeErrorType;
    message: string;
    param?: string;
    code?: string;
    decline_code?: string;
    doc_url?: string;
  };
}

/** An API error to answer with: throw it from a route handler. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly param?: string,
    readonly code?: string,
    readonly declineCode?: string,
  ) {
    super(message);
    this.name = "StripeApiError";
  }

  /** The JSON body Stripe sends for this error. */
  toBody(): StripeErrorBody {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.param !== undefined && { param: this.param }),
        ...(this.code !== undefined && {
          code: this.code,
          doc_url: `https://docs.stripe.com/error-codes/${this.code.replaceAll("_", "-")}`,
        }),
        ...(this.declineCode !== undefined && { decline_code: this.declineCode }),
      },
    };
  }
}

/** 404 resource_missing: "No such customer: 'cus_x'". `param` names the parameter, if any. */
export function resourceMissing(kind: string, id: string, param?: string): StripeApiError {
  return new StripeApiError(
    404,
    "invalid_request_error",
    `No such ${kind}: '${id}'`,
    param,
    "resource_missing",
  );
}

/** 400 parameter_missing for a required parameter. */
export function missingParam(param: string): StripeApiError {
  return new StripeApiError(
    400,
    "invalid_request_error",
    `Missing required param: ${param}.`,
    param,
    "parameter_missing",
  );
}

/** 400 for an invalid parameter value, with Stripe's `code` when it has one. */
export function invalidParam(param: string, message: string, code?: string): StripeApiError {
  return new StripeApiError(400, "invalid_request_error", message, param, code);
}
