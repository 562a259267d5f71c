/** /v1/products: create (with a chosen id), list (by active, ids), retrieve, update. */
import type Stripe from "stripe";
import { invalidParam, missingParam } from "../../errors";
import { stringList } from "../../http";
import { buildProduct } from "../../objects";
import { newestFirst, newId } from "../../store";
import {
  booleanParam,
  find,
  metadataParam,
  optionalString,
  paginate,
  requiredString,
} from "../params";
import { ID, type Route, type RouteInput } from "../request";

/** Creates a product; also used by prices' `product_data`. */
export function createProductRoute({ ctx, params, cause }: RouteInput): Stripe.Product {
  const { products } = ctx.store.state;
  const id = optionalString(params, "id") ?? newId("prod", 14);
  if (products[id]) {
    throw invalidParam("id", `Product already exists.`, "resource_already_exists");
  }
  const product = buildProduct(
    { id, created: cause.at },
    {
      name: requiredString(params, "name"),
      description: optionalString(params, "description") ?? null,
      active: booleanParam(params, "active") ?? true,
      metadata: metadataParam(params),
    },
  );
  products[id] = product;
  return product;
}

function listProductsRoute({ ctx, params, path }: RouteInput): Stripe.ApiList<Stripe.Product> {
  const active = booleanParam(params, "active");
  const ids = stringList(params.ids);
  const products = newestFirst(ctx.store.state.products).filter(
    (product) =>
      (active === undefined || product.active === active) &&
      (ids.length === 0 || ids.includes(product.id)),
  );
  return paginate(products, params, path);
}

function updateProductRoute({ ctx, params, id, cause }: RouteInput): Stripe.Product {
  const product = find(ctx.store.state.products, id, "product", "id");
  const name = optionalString(params, "name");
  if (name === null) throw missingParam("name");
  if (name !== undefined) product.name = name;
  const description = optionalString(params, "description");
  if (description !== undefined) product.description = description;
  product.active = booleanParam(params, "active") ?? product.active;
  product.metadata = metadataParam(params, product.metadata);
  product.updated = cause.at;
  return product;
}

export const productRoutes: Route[] = [
  { method: "POST", pattern: /^\/v1\/products$/, handler: createProductRoute },
  { method: "GET", pattern: /^\/v1\/products$/, handler: listProductsRoute },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/products/${ID}$`),
    handler: ({ ctx, id }) => find(ctx.store.state.products, id, "product", "id"),
  },
  { method: "POST", pattern: new RegExp(`^/v1/products/${ID}$`), handler: updateProductRoute },
];
