/**
 * Spans of the Stripe SDK's API calls: an HTTP client for the SDK (`httpClient` in its config,
 * src/server/billing/stripe.ts) that wraps its own Node client and makes one client span per
 * attempt, named after OTel's HTTP convention `{method} {url.template}`, e.g.
 * `POST /v1/customers/{id}`: ids are replaced so names stay few. Status ERROR on a 4xx/5xx answer
 * or a network failure. Nothing of the request or response body is recorded.
 */
import "server-only";
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import Stripe from "stripe";
import { inSpan } from "@/server/telemetry/tracing";

/** Prefixes of Stripe object ids (https://docs.stripe.com/api): such a path segment is an id. */
const ID_SEGMENT =
  /^(acct|bps|card|ch|cn|coupon|cs|cus|di|evt|ii|il|in|pi|pm|price|prod|promo|re|seti|si|src|sub|sub_sched|tok|txn)_/;

/** `path` without its query, with each id segment (known prefix, or any digit) as `{id}`. */
export function stripeUrlTemplate(path: string): string {
  const [pathname = ""] = path.split("?");
  return pathname
    .split("/")
    .map((segment) =>
      ID_SEGMENT.test(segment) || /\d/.test(segment.replace(/^v\d+$/, "")) ? "{id}" : segment,
    )
    .join("/");
}

/** The SDK's Node HTTP client (default `Stripe.createNodeHttpClient()`) with a span per request. */
export function tracedStripeHttpClient(
  inner: Stripe.HttpClient = Stripe.createNodeHttpClient(),
): Stripe.HttpClient {
  const client = Object.create(inner) as Stripe.HttpClient;
  client.makeRequest = (host, port, path, method, headers, requestData, protocol, timeout) => {
    const template = stripeUrlTemplate(path);
    const attributes = {
      "http.request.method": method,
      "server.address": host,
      "server.port": Number(port),
      "url.template": template,
      "peer.service": "stripe",
    };
    return inSpan(`${method} ${template}`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
      const response = await inner.makeRequest(
        host,
        port,
        path,
        method,
        headers,
        requestData,
        protocol,
        timeout,
      );
      const status = response.getStatusCode();
      span.setAttribute("http.response.status_code", status);
      if (status >= 400) span.setStatus({ code: SpanStatusCode.ERROR, message: String(status) });
      return response;
    });
  };
  return client;
}
