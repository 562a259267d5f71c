/**
 * `expand[]` (https://docs.stripe.com/expand): replaces ids in an answer by the objects they name.
 */
import type { Context } from "../context";
import { record } from "../http";
import { snapshot } from "../store";

/** Collections an id's prefix points into, for `expand[]`. */
function lookup(ctx: Context, id: string): unknown {
  const { state } = ctx.store;
  const prefix = id.slice(0, id.indexOf("_"));
  const collection: Record<string, unknown> | undefined = {
    cus: state.customers,
    sub: state.subscriptions,
    in: state.invoices,
    pm: state.paymentMethods,
    prod: state.products,
    price: state.prices,
    cs: state.checkoutSessions,
  }[prefix];
  return collection?.[id];
}

/**
 * Replaces ids by objects along each dotted `expand` path ("subscription", "customer",
 * "data.customer", "subscription.latest_invoice"); unknown paths are ignored. Changes `value`
 * in place (a snapshot) and returns it.
 */
export function expand(ctx: Context, value: unknown, paths: string[]): unknown {
  for (const path of paths) expandPath(ctx, value, path.split("."));
  return value;
}

function expandPath(ctx: Context, value: unknown, segments: string[]): void {
  const target = record(value);
  const [head, ...rest] = segments;
  if (!target || head === undefined) return;
  if (target.object === "list" && head === "data" && Array.isArray(target.data)) {
    for (const item of target.data) expandPath(ctx, item, rest);
    return;
  }
  const current = target[head];
  if (typeof current === "string") {
    const found = lookup(ctx, current);
    if (found) target[head] = snapshot(found);
  }
  if (rest.length > 0) expandPath(ctx, target[head], rest);
}
