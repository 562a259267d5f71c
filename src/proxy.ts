/**
 * Next 16 proxy (formerly middleware). It is never the auth boundary: every procedure and page
 * checks the session itself. For pages it:
 * - sets a Content-Security-Policy with a fresh nonce (src/server/http/security-headers.ts). The
 *   policy is also put on the request, which is how Next finds the nonce and adds it to its own
 *   scripts; the root layout reads it (`x-nonce`) for next-themes' inline script;
 * - gives the request its id (`x-request-id`: the incoming one when it is a plain token, else a new
 *   UUID; src/server/log.ts), on the request for the page and its error reports, and on the
 *   response for whoever needs to quote it;
 * - renews the session cookie's Max-Age on GETs, because server components cannot set cookies and
 *   the session's sliding expiry lives in the database.
 */
import { NextResponse, type NextRequest } from "next/server";
import { sessionCookie } from "@/server/auth/cookie";
import { pageContentSecurityPolicy, storageOrigins } from "@/server/http/security-headers";
import { requestIdFrom } from "@/server/log";

export function proxy(request: NextRequest): NextResponse {
  const nonce = btoa(crypto.randomUUID());
  const csp = pageContentSecurityPolicy(
    nonce,
    process.env.NODE_ENV === "development",
    storageOrigins(process.env),
  );
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const requestId = requestIdFrom(request.headers);
  requestHeaders.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("x-request-id", requestId);

  const token = request.cookies.get(sessionCookie.name)?.value;
  if (request.method === "GET" && token) {
    response.cookies.set(sessionCookie.name, token, {
      httpOnly: true,
      secure: sessionCookie.secure,
      sameSite: sessionCookie.sameSite,
      path: sessionCookie.path,
      maxAge: sessionCookie.maxAgeSeconds,
    });
  }
  return response;
}

export const config = {
  // Every answer that can be HTML: pages, prefetches (`Next-Router-Prefetch`, `Purpose: prefetch`)
  // and paths with a dot, whose 404 is a page too. Not API routes (their own CSP in
  // next.config.mjs) or Next's build assets. Files from public/ get the page CSP as well: harmless,
  // and an SVG served from there cannot run script.
  matcher: ["/((?!api/|_next/).*)"],
};
