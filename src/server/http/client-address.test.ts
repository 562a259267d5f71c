import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import superjson from "superjson";
import { afterEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/trpc/[trpc]/route";
import {
  clientAddress,
  clientAddressHeaders,
  trustClientAddress,
  trustedClientAddress,
} from "@/server/http/client-address";
import { db } from "@/server/db";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { signedInUser } from "@/test/trpc";

describe("clientAddress", () => {
  const peer = "192.0.2.10";

  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    for (const forwardedFor of [undefined, "198.51.100.1", "198.51.100.1, 198.51.100.2"]) {
      expect(clientAddress({ peer, forwardedFor, trustedProxies: 0 })).toBe(peer);
    }
  });

  it("is the n-th entry from the right with n trusted proxies", () => {
    const forwardedFor = "198.51.100.1, 203.0.113.7, 10.0.0.2";
    expect(clientAddress({ peer, forwardedFor, trustedProxies: 1 })).toBe("10.0.0.2");
    expect(clientAddress({ peer, forwardedFor, trustedProxies: 2 })).toBe("203.0.113.7");
    expect(clientAddress({ peer, forwardedFor, trustedProxies: 3 })).toBe("198.51.100.1");
    // Repeated headers count as one list, in order.
    const repeated = ["198.51.100.1", "203.0.113.7, 10.0.0.2"];
    expect(clientAddress({ peer, forwardedFor: repeated, trustedProxies: 2 })).toBe("203.0.113.7");
  });

  it("falls back to the peer when the proxies did not write the n-th entry", () => {
    for (const forwardedFor of [undefined, "", "203.0.113.7", "unknown, 203.0.113.7"]) {
      expect(clientAddress({ peer, forwardedFor, trustedProxies: 2 })).toBe(peer);
    }
    expect(clientAddress({ peer, forwardedFor: "not-an-ip", trustedProxies: 1 })).toBe(peer);
  });

  it("gives IPv4 clients of a dual-stack socket in IPv4 form, and keeps IPv6", () => {
    expect(clientAddress({ peer: "::ffff:192.0.2.10", forwardedFor: "", trustedProxies: 0 })).toBe(
      "192.0.2.10",
    );
    expect(clientAddress({ peer: "2001:db8::1", forwardedFor: "", trustedProxies: 0 })).toBe(
      "2001:db8::1",
    );
    expect(clientAddress({ peer, forwardedFor: "::FFFF:203.0.113.7", trustedProxies: 1 })).toBe(
      "203.0.113.7",
    );
  });

  it("is null when the socket is gone", () => {
    expect(clientAddress({ peer: undefined, forwardedFor: "203.0.113.7", trustedProxies: 0 })).toBe(
      null,
    );
  });
});

describe("trustedClientAddress", () => {
  it("reads the address the server set, never a client's own X-Forwarded-For", () => {
    expect(trustedClientAddress(new Headers(clientAddressHeaders("203.0.113.7")))).toBe(
      "203.0.113.7",
    );
    expect(trustedClientAddress(new Headers({ "x-forwarded-for": "203.0.113.7" }))).toBeNull();
    const forgedStamp = { ...clientAddressHeaders("203.0.113.7"), "x-client-address-stamp": "0" };
    expect(trustedClientAddress(new Headers(forgedStamp))).toBeNull();
  });
});

describe("a server reached directly (TRUSTED_PROXIES=0)", () => {
  cleanDatabaseBeforeEach();
  let server: Server | undefined;
  let uninstall: (() => void) | undefined;

  afterEach(async () => {
    uninstall?.();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Node's request as the fetch Request Next builds from it: its headers as they are now. */
  async function toFetchRequest(req: IncomingMessage): Promise<Request> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      for (const item of [value ?? []].flat()) headers.append(name, item);
    }
    return new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
  }

  /** A node:http server in front of the tRPC route handler, with the client address installed. */
  async function startServer(trustedProxies: number): Promise<string> {
    uninstall = trustClientAddress(trustedProxies);
    server = createServer((req, res) => {
      void (async () => {
        const request = await toFetchRequest(req);
        const response = await (req.method === "GET" ? GET : POST)(request);
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })().catch((error: unknown) => res.writeHead(500).end(String(error)));
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  }

  /** POSTs `session.signIn` with a forged X-Forwarded-For; returns the response. */
  function signIn(baseUrl: string, email: string, password: string, forwardedFor: string) {
    return fetch(`${baseUrl}/api/trpc/session.signIn`, {
      method: "POST",
      headers: {
        origin: baseUrl,
        "content-type": "application/json",
        "x-forwarded-for": forwardedFor,
      },
      body: JSON.stringify(superjson.serialize({ email, password })),
    });
  }

  it("counts sign-ins with forged X-Forwarded-For against the socket's address", async () => {
    const baseUrl = await startServer(0);
    const statuses: number[] = [];
    for (let i = 1; i <= 60; i += 1) {
      const response = await signIn(baseUrl, `nobody-${i}@example.com`, "wrong", `198.51.100.${i}`);
      statuses.push(response.status);
      if (response.status === 429) break;
    }
    // sign-in:ip allows 30 attempts per 15 minutes (src/server/auth/rate-limit.ts).
    expect(statuses).toEqual([...Array<number>(30).fill(401), 429]);
  });

  it("records the socket's address on the session, not the forged one", async () => {
    const { user, password } = await signedInUser();
    const baseUrl = await startServer(0);
    expect((await signIn(baseUrl, user.email, password, "198.51.100.77")).status).toBe(200);
    const newest = await db.session.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(newest.ipAddress).toBe("127.0.0.1");
  });

  it("behind one proxy (TRUSTED_PROXIES=1), records the address that proxy appended", async () => {
    const { user, password } = await signedInUser();
    const baseUrl = await startServer(1);
    const forwardedFor = "198.51.100.77, 203.0.113.9"; // the client's claim, then the proxy's entry
    expect((await signIn(baseUrl, user.email, password, forwardedFor)).status).toBe(200);
    const newest = await db.session.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(newest.ipAddress).toBe("203.0.113.9");
  });
});
