/**
 * What a session and the rate limits record about the request that made it: client IP and
 * User-Agent.
 */
import { trustedClientAddress } from "@/server/http/client-address";

/** Client IP and User-Agent (at most 512 characters); null when absent. */
export interface RequestMeta {
  ipAddress: string | null;
  userAgent: string | null;
}

/**
 * The request's meta. The IP is the one the server trusts (the socket's peer, or the address the
 * TRUSTED_PROXIES proxies wrote: src/server/http/client-address.ts), never a client's claim.
 */
export function requestMeta(headers: Headers): RequestMeta {
  return {
    ipAddress: trustedClientAddress(headers),
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
  };
}
