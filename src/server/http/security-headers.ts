/**
 * The app's security headers, in one place (OWASP Secure Headers Project; MDN CSP guide).
 * Pages rendered per request get a Content-Security-Policy with a per-request nonce and
 * 'strict-dynamic' (set by src/proxy.ts: only scripts carrying the nonce, and those they load,
 * run); public pages served from cache get one listing the hashes of their inline scripts
 * instead (src/server/http/public-page-cache.mjs); API routes, which
 * serve no HTML, get a policy that allows nothing (next.config.mjs). No `server-only`:
 * next.config.mjs and the edge proxy import it.
 */

/**
 * The origin of S3-compatible object storage, when `STORAGE_DRIVER=s3`: pages show its signed
 * images and POST uploads to it. `S3_ENDPOINT`'s origin (path-style or not, the bucket host is a
 * subdomain of it, hence the wildcard), or AWS's regional endpoint. None for the local driver,
 * which is served from 'self'.
 */
export function storageOrigins(environment: Record<string, string | undefined>): string[] {
  if (environment.STORAGE_DRIVER !== "s3") return [];
  if (environment.S3_ENDPOINT && URL.canParse(environment.S3_ENDPOINT)) {
    const url = new URL(environment.S3_ENDPOINT);
    return [url.origin, `${url.protocol}//*.${url.host}`];
  }
  const region = environment.S3_REGION || "us-east-1";
  return [`https://*.s3.${region}.amazonaws.com`, `https://s3.${region}.amazonaws.com`];
}

/**
 * The directives every HTML page shares; `scriptSrc` is the script-src directive's sources,
 * `storage` the object storage origins ({@link storageOrigins}) for images and uploads.
 */
function htmlContentSecurityPolicy(
  scriptSrc: string,
  dev: boolean,
  storage: readonly string[] = [],
): string {
  const extra = storage.map((origin) => ` ${origin}`).join("");
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (charts, Radix positioning) carry no script.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${extra}`,
    "font-src 'self'",
    `connect-src 'self'${extra}${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The CSP of an HTML page whose scripts carry `nonce`. `dev` allows React's eval-based tooling;
 * `storage`: object storage origins ({@link storageOrigins}) for images and uploads.
 */
export function pageContentSecurityPolicy(
  nonce: string,
  dev: boolean,
  storage: readonly string[] = [],
): string {
  return htmlContentSecurityPolicy(`'self' 'nonce-${nonce}' 'strict-dynamic'`, dev, storage);
}

/**
 * The CSP of a page served from cache (src/server/http/public-pages.ts), the same HTML for every
 * visitor, so without a nonce: its inline scripts (Next's bootstrap and flight data, the theme
 * script) run because their hashes are listed, as `'sha256-<base64>'` sources computed from
 * that very HTML (src/server/http/public-page-cache.mjs); its external scripts because they come
 * from this origin ('self'; no 'strict-dynamic', which would ignore it). No 'unsafe-inline' and
 * no 'unsafe-eval': an injected inline script has no listed hash and does not run.
 */
export function publicPageContentSecurityPolicy(scriptHashes: readonly string[]): string {
  return htmlContentSecurityPolicy(
    ["'self'", ...scriptHashes.map((hash) => `'sha256-${hash}'`)].join(" "),
    false,
  );
}

/** A CSP for responses that are not HTML (API routes): nothing may load or frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers every response carries. HSTS (2 years, subdomains) only in production. */
export function commonSecurityHeaders(production: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "X-Frame-Options": "DENY",
    ...(production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
