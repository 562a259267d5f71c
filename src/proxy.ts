/**
 * Next 16 proxy (formerly middleware). It is never the auth boundary: every procedure and page
 * checks the session itself. It only renews the session cookie's Max-Age on page loads, because
 * server components cannot set cookies and the session's sliding expiry lives in the database.
 */
import { NextResponse, type NextRequest } from "next/server";
import { sessionCookie } from "@/server/auth/cookie";

export function proxy(request: NextRequest): NextResponse {
  const response = NextResponse.next();
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
  // Pages only: not API routes, Next's assets or files with an extension.
  matcher: ["/((?!api/|_next/|.*\\..*).*)"],
};
