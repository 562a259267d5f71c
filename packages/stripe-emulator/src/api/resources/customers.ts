/** /v1/customers: create, list (by email), retrieve, update (incl. the default payment method). */
import type Stripe from "stripe";
import { createCustomer } from "../../billing";
import { record, str } from "../../http";
import { newestFirst } from "../../store";
import { find, metadataParam, optionalString, paginate } from "../params";
import { ID, type Route, type RouteInput } from "../request";

function createCustomerRoute({ ctx, params, cause }: RouteInput): Stripe.Customer {
  return createCustomer(ctx, cause.at, {
    email: optionalString(params, "email") ?? null,
    name: optionalString(params, "name") ?? null,
    description: optionalString(params, "description") ?? null,
    metadata: metadataParam(params),
  });
}

function listCustomersRoute({ ctx, params, path }: RouteInput): Stripe.ApiList<Stripe.Customer> {
  const email = str(params.email);
  const customers = newestFirst(ctx.store.state.customers).filter(
    (customer) => !email || customer.email === email,
  );
  return paginate(customers, params, path);
}

function updateCustomerRoute({ ctx, params, id }: RouteInput): Stripe.Customer {
  const customer = find(ctx.store.state.customers, id, "customer", "id");
  const email = optionalString(params, "email");
  const name = optionalString(params, "name");
  const description = optionalString(params, "description");
  if (email !== undefined) customer.email = email;
  if (name !== undefined) customer.name = name;
  if (description !== undefined) customer.description = description;
  customer.metadata = metadataParam(params, customer.metadata);
  const defaultPm = str(record(params.invoice_settings)?.default_payment_method);
  if (defaultPm !== undefined) {
    const pm = find(
      ctx.store.state.paymentMethods,
      defaultPm,
      "PaymentMethod",
      "invoice_settings[default_payment_method]",
    );
    customer.invoice_settings.default_payment_method = pm.id;
  }
  return customer;
}

export const customerRoutes: Route[] = [
  { method: "POST", pattern: /^\/v1\/customers$/, handler: createCustomerRoute },
  { method: "GET", pattern: /^\/v1\/customers$/, handler: listCustomersRoute },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/customers/${ID}$`),
    handler: ({ ctx, id }) => find(ctx.store.state.customers, id, "customer", "id"),
  },
  { method: "POST", pattern: new RegExp(`^/v1/customers/${ID}$`), handler: updateCustomerRoute },
];
