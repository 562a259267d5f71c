/**
 * What a session records about the request that made it: client IP and User-Agent.
 */
import { env } from "@/env";

/** Client IP and User-Agent (at most 512 characters); null when absent. */
export interface RequestMeta {
  ipAddress: string | null;
  userAgent: string | null;
}

/**
 * Reads the client's IP from `X-Forwarded-For`. With TRUSTED_PROXIES = n > 0 reverse proxies in
 * front of the app, each appending the address it saw, the client is the n-th entry from the end;
 * entries before it are whatever the client sent (OWASP: never trust client-supplied forwarding
 * headers). With none, the last entry is used: the Next server fills the header from the socket only
 * when the client sent none, so a directly exposed server's per-IP limits can be dodged; run
 * production behind a proxy (per-account limits hold either way).
 */
export function requestMeta(headers: Headers): RequestMeta {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  // "::ffff:203.0.113.7" is an IPv4 client on a dual-stack socket: keep the IPv4 form.
  const ipAddress = forwarded.at(-Math.max(env.TRUSTED_PROXIES, 1))?.replace(/^::ffff:/i, "");
  return {
    ipAddress: ipAddress?.slice(0, 64) ?? null,
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
  };
}
