/**
 * Test helpers: call procedures as an anonymous visitor or as a signed-in user, the way the HTTP
 * endpoint would (cookies included), and read the dev outbox.
 */
import { createTRPCContext } from "@/server/api/init";
import { createCaller } from "@/server/api/root";
import { lucia } from "@/server/auth/lucia";
import { hashPassword } from "@/server/auth/password";
import { createSession } from "@/server/auth/session";
import { clientAddressHeaders } from "@/server/http/client-address";
import { db } from "@/server/db";
import { runQueuedJobs } from "@/test/jobs";

/**
 * Headers of a browser request from `ip` (as the server marks the client address it trusts:
 * src/server/http/client-address.ts), with `token`'s session cookie when given.
 */
export function requestHeaders(token?: string, ip = "203.0.113.7"): Headers {
  const headers = new Headers({
    "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
    ...clientAddressHeaders(ip),
  });
  if (token) headers.set("cookie", `${lucia.sessionCookieName}=${token}`);
  return headers;
}

/** A caller whose context is built from `headers`; `resHeaders` collects Set-Cookie. */
export async function callerWith(headers: Headers = requestHeaders()) {
  const resHeaders = new Headers();
  const caller = createCaller(await createTRPCContext({ headers, resHeaders }));
  return { caller, resHeaders };
}

/** The session token set by a response's Set-Cookie, or null (also null for a blank cookie). */
export function sessionTokenFrom(resHeaders: Headers): string | null {
  const cookie = resHeaders.getSetCookie().find((c) => c.startsWith(`${lucia.sessionCookieName}=`));
  const value = cookie?.split(";")[0]?.split("=")[1];
  return value ? value : null;
}

/** Creates a verified user with `password` and a session; returns the user and the token. */
export async function signedInUser(email = "ada@example.com", password = "correct horse battery") {
  const user = await db.user.create({
    data: {
      email,
      name: "Ada",
      passwordHash: await hashPassword(password),
      emailVerifiedAt: new Date(),
    },
  });
  const session = await createSession(user.id, { ipAddress: "203.0.113.7", userAgent: null });
  return { user, password, token: session.id };
}

/** The token in the newest outbox email to `to` whose link goes to `path` (queued mail delivered first). */
export async function tokenFromOutbox(to: string, path: string): Promise<string> {
  await runQueuedJobs("send-email");
  const mail = await db.outboxEmail.findFirst({ where: { to }, orderBy: { createdAt: "desc" } });
  const match = mail?.text.match(
    new RegExp(`${path.replace("/", "\\/")}\\?token=([A-Za-z0-9_-]{43})`),
  );
  if (!match?.[1]) throw new Error(`no ${path} link mailed to ${to}`);
  return match[1];
}
