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
 * Reads the client's IP from `X-Forwarded-For`: the first entry when TRUST_PROXY=true (what a
 * proxy you run reports), otherwise the last one, which `next start` itself appends and a client
 * cannot forge (OWASP: never trust client-supplied forwarding headers).
 */
export function requestMeta(headers: Headers): RequestMeta {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const ipAddress = (env.TRUST_PROXY ? forwarded[0] : forwarded.at(-1)) ?? headers.get("x-real-ip");
  return {
    ipAddress: ipAddress?.slice(0, 64) ?? null,
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
  };
}
