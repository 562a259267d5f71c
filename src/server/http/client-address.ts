/**
 * The client's IP address, decided once per request from what the server can trust: the TCP
 * peer, and `X-Forwarded-For` only as far as the configured reverse proxies wrote it.
 *
 * Route handlers never see the socket, and Next fills `x-forwarded-for` from it only when the
 * client sent none, so a directly exposed server would trust whatever a client wrote there.
 * {@link trustClientAddress} rewrites the header of every incoming request to the one address
 * computed here, before Next reads it; {@link trustedClientAddress} reads it back
 * (src/server/auth/request-meta.ts).
 */
import "server-only";
import { randomBytes } from "node:crypto";
import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { isIP, type Socket } from "node:net";

/** What the client address is computed from. */
export interface ClientAddressInput {
  /** The socket's peer (`socket.remoteAddress`); undefined once the socket is gone. */
  peer: string | undefined;
  /** `X-Forwarded-For` as received (Node joins repeated headers with ", "). */
  forwardedFor: string | string[] | undefined;
  /** Reverse proxies in front of the app, each appending its peer's address (TRUSTED_PROXIES). */
  trustedProxies: number;
}

/** `::ffff:203.0.113.7` (an IPv4 client on a dual-stack socket) as `203.0.113.7`; null if no IP. */
function normaliseIp(value: string | undefined): string | null {
  const ip = value?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return ip && isIP(ip) ? ip : null;
}

/**
 * The client's IP address (IPv4 dotted or IPv6 text), or null when none is known.
 *
 * - `trustedProxies` = 0 (the app is reached directly): the socket's peer. `X-Forwarded-For` is
 *   ignored: every entry of it is whatever the client wrote.
 * - `trustedProxies` = n > 0: the n-th entry from the right of `X-Forwarded-For`. Each proxy
 *   appends the address it received the request from, so the n entries on the right were written
 *   by our proxies and the n-th is the address the outermost one saw; entries further left are
 *   the client's own (OWASP: never trust client-supplied forwarding headers; MDN
 *   X-Forwarded-For, "Selecting an IP address"). With fewer than n entries, or an n-th entry
 *   that is not an IP, the request did not come through every proxy (or one is misconfigured):
 *   nothing in the header is trustworthy, so the peer is used. At worst that groups several
 *   clients under one proxy's address (stricter limits), never lets a client choose its own.
 */
export function clientAddress({
  peer,
  forwardedFor,
  trustedProxies,
}: ClientAddressInput): string | null {
  if (trustedProxies > 0) {
    const entries = [forwardedFor ?? []].flat().join(",").split(",");
    if (entries.length >= trustedProxies) {
      const forwarded = normaliseIp(entries.at(-trustedProxies));
      if (forwarded) return forwarded;
    }
  }
  return normaliseIp(peer);
}

/** Published by node:http for each request before the server's "request" listeners run. */
const REQUEST_START = "http.server.request.start";

/** Carries this process's stamp: the request's `x-forwarded-for` was set by this module. */
const STAMP_HEADER = "x-client-address-stamp";

interface RequestStart {
  request: IncomingMessage;
  socket: Socket;
}

/** This process's state: the random stamp, and the subscriber (one, whatever Next re-evaluates). */
const state = Symbol.for("saas-starter.client-address");
type WithState = typeof globalThis & {
  [state]?: { stamp: string; subscriber?: (message: unknown) => void };
};

function processState() {
  return ((globalThis as WithState)[state] ??= { stamp: randomBytes(16).toString("hex") });
}

/**
 * The headers that give a request `address` as its trusted client address: `x-forwarded-for`,
 * and a stamp only this process knows, so {@link trustedClientAddress} can tell them from a
 * client's own. The server sets them on every request; tests build requests with them.
 */
export function clientAddressHeaders(address: string): Record<string, string> {
  return { "x-forwarded-for": address, [STAMP_HEADER]: processState().stamp };
}

/**
 * Makes every HTTP request this process serves carry its {@link clientAddress} as its only
 * `x-forwarded-for` value, stamped (the header is removed when no address is known). It
 * subscribes to node:http's `http.server.request.start` channel (Node docs, diagnostics_channel,
 * "Built-in channels"), published for each request before any "request" listener, so it covers
 * `next start`, the standalone `server.js` (the Docker image) and `next dev` alike, with nothing
 * to wrap the server in. Called from src/instrumentation.ts (through src/server/startup.ts);
 * installing again replaces the previous subscriber.
 *
 * Next listens before it runs instrumentation: a request that arrives in between (a fraction of
 * a second after start) is not seen here and carries no stamp, so its address is unknown.
 * @returns a function that removes the subscriber (for tests).
 */
export function trustClientAddress(trustedProxies: number): () => void {
  const current = processState();
  if (current.subscriber) diagnosticsChannel.unsubscribe(REQUEST_START, current.subscriber);
  const subscriber = (message: unknown) => {
    const { request, socket } = message as RequestStart;
    const address = clientAddress({
      peer: socket.remoteAddress,
      forwardedFor: request.headers["x-forwarded-for"],
      trustedProxies,
    });
    delete request.headers["x-forwarded-for"];
    delete request.headers[STAMP_HEADER];
    if (address) Object.assign(request.headers, clientAddressHeaders(address));
  };
  diagnosticsChannel.subscribe(REQUEST_START, subscriber);
  current.subscriber = subscriber;
  return () => {
    diagnosticsChannel.unsubscribe(REQUEST_START, subscriber);
    if (current.subscriber === subscriber) delete current.subscriber;
  };
}

/**
 * The client address {@link trustClientAddress} set on this request; null when it set none
 * (no address known, or the request arrived before it was installed). A client's own
 * `x-forwarded-for` never counts: it cannot carry this process's stamp.
 */
export function trustedClientAddress(headers: Headers): string | null {
  // A plain comparison: the stamp guards only requests of the first moments after start, far too
  // few for a timing attack to learn 128 random bits.
  if (headers.get(STAMP_HEADER) !== processState().stamp) return null;
  return normaliseIp(headers.get("x-forwarded-for") ?? undefined);
}
