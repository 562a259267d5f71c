/**
 * /v1/invoices: list (by customer, subscription, status), retrieve. The clock and billing.ts
 * write them.
 */
import type Stripe from "stripe";
import { idOf } from "../../billing";
import { str } from "../../http";
import { newestFirst } from "../../store";
import { find, paginate } from "../params";
import { ID, type Route, type RouteInput } from "../request";

function listInvoicesRoute({ ctx, params, path }: RouteInput): Stripe.ApiList<Stripe.Invoice> {
  const customer = str(params.customer);
  const subscription = str(params.subscription);
  const status = str(params.status);
  const invoices = newestFirst(ctx.store.state.invoices).filter(
    (invoice) =>
      (!customer || idOf(invoice.customer) === customer) &&
      (!subscription ||
        idOf(invoice.parent?.subscription_details?.subscription ?? null) === subscription) &&
      (!status || invoice.status === status),
  );
  return paginate(invoices, params, path);
}

export const invoiceRoutes: Route[] = [
  { method: "GET", pattern: /^\/v1\/invoices$/, handler: listInvoicesRoute },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/invoices/${ID}$`),
    handler: ({ ctx, id }) => find(ctx.store.state.invoices, id, "invoice", "id"),
  },
];
