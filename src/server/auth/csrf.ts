/**
 * CSRF defence for state-changing requests (OWASP CSRF Cheat Sheet, "Verifying origin with
 * standard headers"): a non-GET request is accepted only when its `Origin` is the app's own
 * (APP_URL, or the origin the request was addressed to), or, without an Origin header, when the
 * browser marks it `Sec-Fetch-Site: same-origin`. The Stripe webhook never calls this.
 */
import { env } from "@/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** True when `req` may change state: a safe method, or a same-origin request. */
export function isSameOriginRequest(req: Request): boolean {
  if (SAFE_METHODS.has(req.method)) return true;
  const origin = req.headers.get("origin");
  if (origin) return origin === new URL(env.APP_URL).origin || origin === new URL(req.url).origin;
  return req.headers.get("sec-fetch-site") === "same-origin";
}
