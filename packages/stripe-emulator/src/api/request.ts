/**
 * What every /v1 request goes through before and after its resource's handler: the route types,
 * API-key authentication, and `Idempotency-Key` replay
 * (https://docs.stripe.com/api/idempotent_requests).
 */
import type { IncomingMessage } from "node:http";
import type { Cause, Context } from "../context";
import { StripeApiError } from "../errors";
import { type Params, str } from "../http";
import { wallClock } from "../store";

/** What a route handler gets: the parsed parameters, the path id, and the request as a cause. */
export interface RouteInput {
  ctx: Context;
  params: Params;
  /** The id captured from the path (`/v1/customers/:id`), "" when the path has none. */
  id: string;
  cause: Cause;
  path: string;
}

/** One endpoint: its method, its path pattern (capturing the id, if any) and its handler. */
export interface Route {
  method: "GET" | "POST" | "DELETE";
  pattern: RegExp;
  /** Returns the Stripe object (or list) to answer with; throws a StripeApiError to refuse. */
  handler: (input: RouteInput) => unknown;
}

/** An object id in a path, as Stripe's ids are spelled. */
export const ID = "([A-Za-z0-9_]+)";

/**
 * Checks `Authorization: Bearer sk_test_…`: the emulator takes any test-mode secret key.
 * @throws StripeApiError 401 authentication_error for a missing or non-test key (masked).
 */
export function authenticate(header: string | undefined): void {
  const key = header?.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : "";
  if (!key) {
    throw new StripeApiError(
      401,
      "authentication_error",
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (!key.startsWith("sk_test_")) {
    const masked = key.length > 8 ? `${key.slice(0, 8)}${"*".repeat(8)}${key.slice(-4)}` : key;
    throw new StripeApiError(
      401,
      "authentication_error",
      `Invalid API Key provided: ${masked}. The Stripe emulator accepts test-mode secret keys (sk_test_…) only.`,
    );
  }
}

/** A request's identity for idempotency: the same key must come with the same request. */
export interface IdempotentRequest {
  key: string;
  method: string;
  path: string;
  /** The parameters as JSON. */
  params: string;
}

/** The `Idempotency-Key` of a non-GET request, if it has one. */
export function idempotencyKeyOf(req: IncomingMessage, method: string): string | undefined {
  if (method === "GET") return undefined;
  return str(req.headers["idempotency-key"]) || undefined;
}

/**
 * The stored answer to an earlier request with the same key, if any (expired keys are pruned
 * first).
 * @throws StripeApiError 400 idempotency_error when the key was used with another request.
 */
export function storedAnswer(
  ctx: Context,
  request: IdempotentRequest,
): { status: number; body: string } | undefined {
  ctx.store.pruneIdempotency();
  const stored = ctx.store.state.idempotency[request.key];
  if (!stored) return undefined;
  if (
    stored.method !== request.method ||
    stored.path !== request.path ||
    stored.params !== request.params
  ) {
    throw new StripeApiError(
      400,
      "idempotency_error",
      `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${request.key}' if you meant to execute a different request.`,
    );
  }
  return stored;
}

/** Keeps a successful answer (`body`, status 200) for replay under the request's key. */
export function storeAnswer(ctx: Context, request: IdempotentRequest, body: string): void {
  ctx.store.state.idempotency[request.key] = {
    method: request.method,
    path: request.path,
    params: request.params,
    status: 200,
    body,
    at: wallClock(),
  };
}
