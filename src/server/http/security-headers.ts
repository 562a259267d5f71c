/**
 * The app's security headers, in one place (OWASP Secure Headers Project; MDN CSP guide).
 * Pages get a Content-Security-Policy with a per-request nonce and 'strict-dynamic' (set by
 * src/proxy.ts: only scripts carrying the nonce, and those they load, run); API routes, which
 * serve no HTML, get a policy that allows nothing (next.config.mjs). No `server-only`:
 * next.config.mjs and the edge proxy import it.
 */

/** The CSP of an HTML page whose scripts carry `nonce`. `dev` allows React's eval-based tooling. */
export function pageContentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (charts, Radix positioning) carry no script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
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
