/**
 * The session cookie's name and attributes, shared by Lucia (lucia.ts) and the proxy, which
 * renews the cookie's Max-Age on page loads (server components cannot set cookies).
 */
import { env } from "@/env";

const secure = new URL(env.APP_URL).protocol === "https:";

export const sessionCookie = {
  /** `__Host-` requires Secure, Path=/ and no Domain (RFC 6265bis 4.1.3.2). */
  name: secure ? "__Host-session" : "session",
  secure,
  sameSite: "lax",
  path: "/",
  /** The cookie lives as long as the idle timeout; the database decides validity. */
  maxAgeSeconds: env.SESSION_IDLE_TIMEOUT_HOURS * 3600,
} as const;
