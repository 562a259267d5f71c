/**
 * Bearer-token checks of the internal endpoints (`/api/metrics`, `/api/internal/revalidate`):
 * `Authorization: Bearer <token>` (RFC 6750 §2.1), compared in constant time.
 */
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

/** SHA-256 of `value`: equal-length inputs for `timingSafeEqual`, whatever was sent. */
const digest = (value: string) => createHash("sha256").update(value).digest();

/** Whether `header` is `Bearer <token>` with the configured `token`. */
export function hasBearerToken(header: string | null, token: string): boolean {
  const match = /^Bearer ([^\s]+)$/i.exec(header ?? "");
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}

/**
 * The refusal of an internal endpoint, or null to go on: 404 when `token` is unset (the endpoint
 * is off, as if it did not exist), 401 with `WWW-Authenticate: Bearer realm=…` (RFC 6750 §3) when
 * the request lacks it. Answers are never cached.
 */
export function refuseWithoutBearer(
  request: Request,
  token: string | undefined,
  realm: string,
): Response | null {
  const headers = { "Cache-Control": "no-store" };
  if (!token) return new Response("Not found", { status: 404, headers });
  if (hasBearerToken(request.headers.get("authorization"), token)) return null;
  return new Response("Unauthorized", {
    status: 401,
    headers: { ...headers, "WWW-Authenticate": `Bearer realm="${realm}"` },
  });
}
