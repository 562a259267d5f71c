/**
 * The sign-up's browser binding: sign-up sets an HttpOnly cookie holding a random nonce (256
 * bits), and the verification link it emails stores only the nonce's SHA-256
 * (`EmailToken.browserBindingHash`). Opening the link in the browser that signed up confirms the
 * address without the password; anywhere else the link still needs the password chosen at that
 * sign-up. So the anti-pre-hijack property holds: confirming takes the emailed link (the inbox)
 * plus either that sign-up's browser or its password, and a stranger who signed up with someone
 * else's address has the browser and the password but never the link.
 */
import "server-only";
import { Cookie } from "lucia";
import { sessionCookie } from "@/server/auth/cookie";
import { generateToken, hashToken } from "@/server/auth/tokens";

/** `__Host-` when served over HTTPS, like the session cookie (RFC 6265bis 4.1.3.2). */
const NAME = sessionCookie.secure ? "__Host-sign-up" : "sign-up";
/** As long as a verification link works (24 h), in seconds. */
const MAX_AGE_SECONDS = 24 * 3600;
const NONCE = /^[A-Za-z0-9_-]{43}$/;

/** The nonce of the binding cookie in a Cookie header, or null (absent or malformed). */
export function readBindingNonce(headers: Headers): string | null {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    const value = rest.join("=");
    if (name === NAME && NONCE.test(value)) return value;
  }
  return null;
}

/**
 * The binding of this browser: the nonce it already holds, or a new one, with the cookie to set
 * (renewed for 24 h either way) and the hash to store on the link.
 */
export function bindBrowser(headers: Headers): { cookie: Cookie; hash: string } {
  const nonce = readBindingNonce(headers) ?? generateToken();
  const cookie = new Cookie(NAME, nonce, {
    httpOnly: true,
    secure: sessionCookie.secure,
    sameSite: "lax",
    path: "/",
    maxAge: MAX_AGE_SECONDS,
  });
  return { cookie, hash: hashToken(nonce) };
}

/** The cookie that removes the binding (after the address is confirmed). */
export function blankBindingCookie(): Cookie {
  return new Cookie(NAME, "", {
    httpOnly: true,
    secure: sessionCookie.secure,
    sameSite: "lax",
    path: "/",
    maxAge: 0,
  });
}

/** The SHA-256 of the binding cookie's nonce in `headers`, or null: what a link's binding is compared with. */
export function bindingHashOf(headers: Headers): string | null {
  const nonce = readBindingNonce(headers);
  return nonce ? hashToken(nonce) : null;
}
