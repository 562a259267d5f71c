/**
 * Next 16 proxy (formerly middleware). It is never the auth boundary: every procedure and page
 * checks the session itself. For pages it:
 * - sets a Content-Security-Policy with a fresh nonce (src/server/http/security-headers.ts). The
 *   policy is also put on the request, which is how Next finds the nonce and adds it to its own
 *   scripts; `DynamicPageRoot` reads it (`x-nonce`) for next-themes' inline script. Not on the
 *   public pages served from cache (src/server/http/public-pages.ts), in production: their CSP
 *   lists the hashes of their inline scripts and comes with the cached HTML
 *   (src/server/http/public-page-cache.mjs). `next dev` caches nothing: they get the nonce there;
 * - keeps the readable signed-in hint cookie (`SIGNED_IN_HINT_COOKIE`) in step with the session
 *   cookie, for the header of those shared pages, which cannot read the session;
 * - gives the request its id (`x-request-id`: the incoming one when it is a plain token, else a new
 *   UUID; src/server/log.ts), on the request for the page and its error reports, and on the
 *   response for whoever needs to quote it;
 * - renews the session cookie's Max-Age on GETs, because server components cannot set cookies and
 *   the session's sliding expiry lives in the database.
 */
import { NextResponse, type NextRequest } from "next/server";
import { SIGNED_IN_HINT_COOKIE } from "@/schemas/constants";
import { sessionCookie } from "@/server/auth/cookie";
import { isPublicPage } from "@/server/http/public-pages";
import { pageContentSecurityPolicy, storageOrigins } from "@/server/http/security-headers";
import { requestIdFrom } from "@/server/log";

export function proxy(request: NextRequest): NextResponse {
  const dev = process.env.NODE_ENV === "development";
  const requestHeaders = new Headers(request.headers);
  const requestId = requestIdFrom(request.headers);
  requestHeaders.set("x-request-id", requestId);
  // Draft mode (Next's preview cookie) renders a public page per request: it gets the nonce.
  const fromCache =
    !dev && isPublicPage(request.nextUrl.pathname) && !request.cookies.has("__prerender_bypass");
  const nonce = fromCache ? null : btoa(crypto.randomUUID());
  const csp =
    nonce === null ? null : pageContentSecurityPolicy(nonce, dev, storageOrigins(process.env));
  if (nonce !== null && csp !== null) {
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (csp) response.headers.set("Content-Security-Policy", csp);
  response.headers.set("x-request-id", requestId);

  const token = request.cookies.get(sessionCookie.name)?.value;
  if (request.method === "GET" && token) {
    const attributes = {
      secure: sessionCookie.secure,
      sameSite: sessionCookie.sameSite,
      path: sessionCookie.path,
      maxAge: sessionCookie.maxAgeSeconds,
    };
    response.cookies.set(sessionCookie.name, token, { ...attributes, httpOnly: true });
    response.cookies.set(SIGNED_IN_HINT_COOKIE, "1", attributes);
  } else if (!token && request.cookies.has(SIGNED_IN_HINT_COOKIE)) {
    response.cookies.delete(SIGNED_IN_HINT_COOKIE);
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
