/**
 * Reading Stripe's form parameters in a handler, with Stripe's errors naming the parameter:
 * strings, booleans, integers, metadata, lookups by id, and list pagination.
 */
import type Stripe from "stripe";
import { invalidParam, missingParam, resourceMissing } from "../errors";
import { type Params, record, str } from "../http";
import { buildList } from "../objects";

/** @throws StripeApiError 400 parameter_missing when absent or empty. `label` names it in errors. */
export function requiredString(params: Params, name: string, label = name): string {
  const value = str(params[name]);
  if (value === undefined || value === "") throw missingParam(label);
  return value;
}

/**
 * Undefined when absent, null when empty (Stripe's "unset").
 * @throws StripeApiError 400 for a non-string.
 */
export function optionalString(params: Params, name: string): string | null | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value === "") return null;
  if (typeof value !== "string") throw invalidParam(name, `Invalid string: ${name}.`);
  return value;
}

/** "true" / "false"; undefined when absent. @throws StripeApiError 400 parameter_invalid_boolean. */
export function booleanParam(params: Params, name: string, label = name): boolean | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value === "true") return true;
  if (value === "false") return false;
  throw invalidParam(label, `Invalid boolean: ${String(value)}`, "parameter_invalid_boolean");
}

/**
 * An integer ≥ `min`; undefined when absent or empty.
 * @throws StripeApiError 400 parameter_invalid_integer.
 */
export function integerParam(
  params: Params,
  name: string,
  label = name,
  min = 0,
): number | undefined {
  const value = params[name];
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string" || !/^-?\d+$/.test(value) || Number(value) < min) {
    throw invalidParam(
      label,
      `Invalid integer: ${String(value)}${min > 0 ? ` (must be at least ${min})` : ""}`,
      "parameter_invalid_integer",
    );
  }
  return Number(value);
}

/**
 * Stripe's metadata semantics on `current`: `metadata[key]=value` sets, `metadata[key]=` removes,
 * `metadata=` clears.
 */
export function metadataParam(
  params: Params,
  current: Stripe.Metadata = {},
  name = "metadata",
): Stripe.Metadata {
  const value = params[name];
  if (value === undefined) return current;
  if (value === "") return {};
  const entries = record(value);
  if (!entries) throw invalidParam(name, `Invalid hash: ${name}.`);
  const result: Stripe.Metadata = { ...current };
  for (const [key, entry] of Object.entries(entries)) {
    if (typeof entry !== "string") throw invalidParam(`${name}[${key}]`, "Invalid string.");
    if (entry === "") delete result[key];
    else result[key] = entry;
  }
  return result;
}

/** `line_items[0][price]…` as a list of parameter records, whatever the index encoding. */
export function stringKeyedList(value: unknown): Params[] {
  const items = Array.isArray(value) ? value : Object.values(record(value) ?? {});
  return items.map((item) => record(item)).filter((item): item is Params => item !== undefined);
}

/** The object `id` of `collection`. @throws StripeApiError 404 resource_missing naming `kind`. */
export function find<T>(
  collection: Record<string, T>,
  id: string,
  kind: string,
  param?: string,
): T {
  const found = collection[id];
  if (!found) throw resourceMissing(kind, id, param);
  return found;
}

/**
 * A page of `items` (newest first) per `limit` (default 10, max 100), `starting_after` and
 * `ending_before`. @throws StripeApiError 400 for a bad limit, 404 for an unknown cursor.
 */
export function paginate<T extends { id: string }>(
  items: T[],
  params: Params,
  path: string,
): Stripe.ApiList<T> {
  const limit = integerParam(params, "limit", "limit", 1) ?? 10;
  if (limit > 100) {
    throw invalidParam(
      "limit",
      "This value must be less than or equal to 100.",
      "parameter_invalid_integer",
    );
  }
  const after = str(params.starting_after);
  const before = str(params.ending_before);
  let page = items;
  if (after) {
    const index = items.findIndex((item) => item.id === after);
    if (index === -1) throw resourceMissing("object", after, "starting_after");
    page = items.slice(index + 1);
    return buildList(page.slice(0, limit), page.length > limit, path);
  }
  if (before) {
    const index = items.findIndex((item) => item.id === before);
    if (index === -1) throw resourceMissing("object", before, "ending_before");
    page = items.slice(0, index);
    return buildList(page.slice(-limit), page.length > limit, path);
  }
  return buildList(page.slice(0, limit), page.length > limit, path);
}
