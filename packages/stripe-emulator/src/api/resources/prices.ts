/**
 * /v1/prices: create (recurring only; `product_data` creates the product), list (by lookup keys,
 * active, product, currency, type), retrieve, update. Lookup keys are unique; `transfer_lookup_key`
 * moves one (https://docs.stripe.com/products-prices/manage-prices#lookup-keys).
 */
import type Stripe from "stripe";
import { idOf } from "../../billing";
import type { Context } from "../../context";
import { invalidParam, missingParam } from "../../errors";
import { record, str, stringList } from "../../http";
import { buildPrice } from "../../objects";
import { newestFirst, newId } from "../../store";
import {
  booleanParam,
  find,
  integerParam,
  metadataParam,
  optionalString,
  paginate,
  requiredString,
} from "../params";
import { ID, type Route, type RouteInput } from "../request";
import { createProductRoute } from "./products";

/** Frees `lookupKey` for `priceId` (transfer_lookup_key=true) or refuses a taken key. */
function claimLookupKey(
  ctx: Context,
  lookupKey: string,
  transfer: boolean,
  priceId?: string,
): void {
  for (const other of Object.values(ctx.store.state.prices)) {
    if (other.lookup_key !== lookupKey || other.id === priceId) continue;
    if (!transfer) {
      throw invalidParam(
        "lookup_key",
        `A price (\`${other.id}\`) already uses that lookup key.`,
        "lookup_key_already_used",
      );
    }
    other.lookup_key = null;
  }
}

function createPriceRoute({ ctx, params, cause }: RouteInput): Stripe.Price {
  const { state } = ctx.store;
  let productId = str(params.product);
  const productData = record(params.product_data);
  if (!productId && productData) {
    productId = createProductRoute({
      ctx,
      cause,
      params: productData,
      id: "",
      path: "/v1/products",
    }).id;
  }
  if (!productId) throw missingParam("product");
  find(state.products, productId, "product", "product");
  const unitAmount = integerParam(params, "unit_amount");
  if (unitAmount === undefined) throw missingParam("unit_amount");
  const currency = requiredString(params, "currency").toLowerCase();
  const recurring = record(params.recurring);
  if (!recurring) {
    throw invalidParam(
      "recurring",
      "The Stripe emulator only supports recurring prices: pass recurring[interval].",
    );
  }
  const interval = requiredString(recurring, "interval", "recurring[interval]");
  if (!["day", "week", "month", "year"].includes(interval)) {
    throw invalidParam(
      "recurring[interval]",
      `Invalid recurring[interval]: must be one of day, week, month, or year`,
    );
  }
  const lookupKey = optionalString(params, "lookup_key") ?? null;
  if (lookupKey)
    claimLookupKey(ctx, lookupKey, booleanParam(params, "transfer_lookup_key") ?? false);
  const price = buildPrice(
    { id: newId("price"), created: cause.at },
    {
      product: productId,
      unitAmount,
      currency,
      interval: interval as Stripe.Price.Recurring.Interval,
      intervalCount: integerParam(recurring, "interval_count", "recurring[interval_count]", 1) ?? 1,
      lookupKey,
      nickname: optionalString(params, "nickname") ?? null,
      active: booleanParam(params, "active") ?? true,
      metadata: metadataParam(params),
    },
  );
  state.prices[price.id] = price;
  return price;
}

function updatePriceRoute({ ctx, params, id }: RouteInput): Stripe.Price {
  const price = find(ctx.store.state.prices, id, "price", "id");
  price.active = booleanParam(params, "active") ?? price.active;
  const nickname = optionalString(params, "nickname");
  if (nickname !== undefined) price.nickname = nickname;
  const lookupKey = optionalString(params, "lookup_key");
  if (lookupKey) {
    claimLookupKey(ctx, lookupKey, booleanParam(params, "transfer_lookup_key") ?? false, price.id);
  }
  if (lookupKey !== undefined) price.lookup_key = lookupKey;
  price.metadata = metadataParam(params, price.metadata);
  return price;
}

function listPricesRoute({ ctx, params, path }: RouteInput): Stripe.ApiList<Stripe.Price> {
  const lookupKeys = stringList(params.lookup_keys);
  const active = booleanParam(params, "active");
  const product = str(params.product);
  const currency = str(params.currency);
  const type = str(params.type);
  const prices = newestFirst(ctx.store.state.prices).filter(
    (price) =>
      (lookupKeys.length === 0 ||
        (price.lookup_key !== null && lookupKeys.includes(price.lookup_key))) &&
      (active === undefined || price.active === active) &&
      (!product || idOf(price.product) === product) &&
      (!currency || price.currency === currency) &&
      (!type || price.type === type),
  );
  return paginate(prices, params, path);
}

export const priceRoutes: Route[] = [
  { method: "POST", pattern: /^\/v1\/prices$/, handler: createPriceRoute },
  { method: "GET", pattern: /^\/v1\/prices$/, handler: listPricesRoute },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/prices/${ID}$`),
    handler: ({ ctx, id }) => find(ctx.store.state.prices, id, "price", "id"),
  },
  { method: "POST", pattern: new RegExp(`^/v1/prices/${ID}$`), handler: updatePriceRoute },
];
