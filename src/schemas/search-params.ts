/**
 * A page's state in its URL's search params, read the same way on the server (a page's
 * `searchParams` prop) and in the browser (`useSearchParams()`, through `useUrlState` in
 * src/components/use-url-state.ts): the first value of a repeated key wins, an empty value is
 * absent, and each page's own parser keeps only valid values (a mangled link shows the default
 * view, never an error).
 */

/** Next's `searchParams` prop (awaited), or URLSearchParams (the browser's are a subclass). */
export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** True for URLSearchParams and its subclasses (Next's ReadonlyURLSearchParams). */
function isURLSearchParams(params: SearchParamsInput): params is URLSearchParams {
  return typeof params.get === "function";
}

/** The first non-empty value of `key` in `params`; undefined when absent or empty. */
export function paramOf(params: SearchParamsInput, key: string): string | undefined {
  const raw = isURLSearchParams(params) ? params.get(key) : params[key];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return first || undefined;
}

/** Every key of `params` with its value as {@link paramOf} reads it. */
export function allParams(params: SearchParamsInput): Record<string, string | undefined> {
  const keys = isURLSearchParams(params) ? [...new Set(params.keys())] : Object.keys(params);
  return Object.fromEntries(keys.map((key) => [key, paramOf(params, key)]));
}

/** `values` as a URL's query, in their key order, without the empty ones: "?a=1&b=2", or "". */
export function queryString(values: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `?${text}` : "";
}
