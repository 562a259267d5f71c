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
