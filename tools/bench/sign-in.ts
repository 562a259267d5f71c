/**
 * Signs the benchmark user in through the app's real sign-in flow over HTTP: the tRPC mutation
 * `session.signIn`, POSTed the way the sign-in form's client sends it (httpBatchLink, superjson),
 * with the app's own Origin (the CSRF check refuses a POST without it). Sign-in is rate-limited
 * per IP (30 per 15 minutes): each run comes from an IP of its own in 198.18.0.0/15 (the
 * benchmarking range, RFC 2544) through X-Forwarded-For, which the bench's server, run with
 * TRUSTED_PROXIES=1 (bench/server.ts), takes as the client's as if a proxy had written it.
 */
import superjson from "superjson";

/** The `Cookie` header value of the session, e.g. `session=abc…`. */
export type SessionCookie = string;

/**
 * POSTs /api/trpc/session.signIn and returns the session cookie it sets.
 * @throws Error with the status and answer when sign-in fails or sets no cookie.
 */
export async function signIn(
  baseUrl: string,
  email: string,
  password: string,
): Promise<SessionCookie> {
  const ip = `198.18.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
  const response = await fetch(`${baseUrl}/api/trpc/session.signIn?batch=1`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: new URL(baseUrl).origin,
      "x-forwarded-for": ip,
      "user-agent": "saas-starter-bench",
    },
    body: JSON.stringify({ 0: superjson.serialize({ email, password }) }),
    redirect: "manual",
  });
  const body = await response.text();
  if (response.status !== 200) {
    throw new Error(`sign-in answered ${response.status}: ${body.slice(0, 300)}`);
  }
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!.trim())
    .find((pair) => /^(__Host-)?session=.+/.test(pair));
  if (!cookie) throw new Error("sign-in answered 200 but set no session cookie");
  return cookie;
}
