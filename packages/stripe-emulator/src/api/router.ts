/**
 * The REST API under /v1: the part of Stripe's API the app and `stripe:setup` use, answering what
 * api.stripe.com answers to the official SDK (form-encoded parameters in, JSON out, Stripe's
 * errors, lists, `expand[]`, `Idempotency-Key` replay, a `Request-Id` header on every answer).
 * Requests need `Authorization: Bearer sk_test_…`.
 *
 * This module dispatches: request.ts does what every request shares (authentication,
 * idempotency), params.ts and expand.ts read parameters and expand answers, and each Stripe
 * resource's endpoints are one module of resources/.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import Stripe from "stripe";
import type { Context } from "../context";
import { StripeApiError } from "../errors";
import { type Params, parseForm, readBody, sendJson, stringList } from "../http";
import { newId, snapshot } from "../store";
import { expand } from "./expand";
import {
  authenticate,
  type IdempotentRequest,
  idempotencyKeyOf,
  type Route,
  storeAnswer,
  storedAnswer,
} from "./request";
import { billingPortalSessionRoutes } from "./resources/billing-portal-sessions";
import { checkoutSessionRoutes } from "./resources/checkout-sessions";
import { customerRoutes } from "./resources/customers";
import { eventRoutes } from "./resources/events";
import { invoiceRoutes } from "./resources/invoices";
import { paymentMethodRoutes } from "./resources/payment-methods";
import { priceRoutes } from "./resources/prices";
import { productRoutes } from "./resources/products";
import { subscriptionRoutes } from "./resources/subscriptions";

const ROUTES: Route[] = [
  ...customerRoutes,
  ...productRoutes,
  ...priceRoutes,
  ...checkoutSessionRoutes,
  ...billingPortalSessionRoutes,
  ...subscriptionRoutes,
  ...invoiceRoutes,
  ...paymentMethodRoutes,
  ...eventRoutes,
];

function matchRoute(method: string, path: string): { route: Route; id: string } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match) return { route, id: match[1] ?? "" };
  }
  return undefined;
}

/**
 * Answers one /v1 request: 200 with the JSON object, or Stripe's error shape with its status
 * (401, 400, 404; 500 `api_error` when the emulator itself fails, which is logged).
 */
export async function handleApi(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const requestId = newId("req", 14);
  const headers: Record<string, string> = {
    "Request-Id": requestId,
    "Stripe-Version": Stripe.API_VERSION,
  };
  const method = req.method ?? "GET";
  const path = url.pathname;
  try {
    authenticate(req.headers.authorization);
    const bodyText = method === "GET" ? "" : await readBody(req);
    const params: Params = { ...parseForm(url.search.slice(1)), ...parseForm(bodyText) };
    const key = idempotencyKeyOf(req, method);
    const idempotent: IdempotentRequest | undefined = key
      ? { key, method, path, params: JSON.stringify(params) }
      : undefined;
    const stored = idempotent && storedAnswer(ctx, idempotent);
    if (stored) {
      sendJson(res, stored.status, stored.body, { ...headers, "Idempotent-Replayed": "true" });
      return;
    }
    const match = matchRoute(method, path);
    if (!match) {
      throw new StripeApiError(
        404,
        "invalid_request_error",
        `Unrecognized request URL (${method}: ${path}). Please see https://docs.stripe.com or we can help at https://support.stripe.com/.`,
      );
    }
    const result = match.route.handler({
      ctx,
      params,
      id: match.id,
      path,
      cause: {
        at: ctx.store.now(),
        request: { id: requestId, idempotency_key: key ?? null },
      },
    });
    const body = JSON.stringify(expand(ctx, snapshot(result), stringList(params.expand)), null, 2);
    if (idempotent) storeAnswer(ctx, idempotent, body);
    if (method !== "GET") ctx.store.save();
    sendJson(res, 200, body, headers);
  } catch (error) {
    const apiError =
      error instanceof StripeApiError
        ? error
        : new StripeApiError(
            500,
            "api_error",
            `The emulator failed: ${error instanceof Error ? error.message : String(error)}`,
          );
    if (!(error instanceof StripeApiError)) ctx.log(`error ${method} ${path}: ${String(error)}`);
    sendJson(res, apiError.status, JSON.stringify(apiError.toBody(), null, 2), headers);
  }
}
