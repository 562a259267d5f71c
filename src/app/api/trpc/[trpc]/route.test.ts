import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { seed } from "../../../../../prisma/seed";
import { GET, POST } from "./route";
import { TRPC_MAX_BATCH_SIZE, TRPC_MAX_BODY_BYTES } from "@/schemas/request-limits";
import { createSession } from "@/server/auth/session";
import { db } from "@/server/db";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { countQueries } from "@/test/queries";
import { requestHeaders, signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

/** Calls the endpoint the way httpBatchLink does: GET, batched, superjson-encoded input. */
async function batchGet(path: string, inputs: unknown[]) {
  const input = Object.fromEntries(inputs.map((value, i) => [i, superjson.serialize(value)]));
  const url = `http://localhost/api/trpc/${path}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await GET(new Request(url));
  return { status: response.status, body: (await response.json()) as BatchItem[] };
}

type BatchItem =
  | { result: { data: { json: unknown; meta?: unknown } } }
  | { error: { json: { message: string; code: number; data: Record<string, unknown> } } };

/** A same-origin POST to `path` with `init`'s headers added. */
function post(path: string, init: { body: BodyInit; headers?: HeadersInit; duplex?: "half" }) {
  const headers = new Headers(init.headers);
  headers.set("origin", "http://localhost");
  headers.set("content-type", "application/json");
  return POST(
    new Request(`http://localhost/api/trpc/${path}`, { ...init, method: "POST", headers }),
  );
}

/**
 * A body of `bytes` bytes, valid JSON (`{}` then spaces), sent in 64 KiB chunks as a chunked
 * upload would arrive; `pulled()` is how many bytes the server asked for.
 */
function streamedBody(bytes: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= bytes) return controller.close();
      const chunk = new Uint8Array(Math.min(64 * 1024, bytes - pulled)).fill(0x20);
      if (pulled === 0) chunk.set([0x7b, 0x7d]); // "{}"
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

/** Ada, signed in, with `others` more sessions: their database ids (what `session.revoke` takes). */
async function adaWithSessions(others: number) {
  const { user, token } = await signedInUser();
  const current = await db.session.findFirstOrThrow({ where: { userId: user.id } });
  for (let i = 0; i < others; i += 1) {
    await createSession(user.id, { ipAddress: "203.0.113.8", userAgent: null });
  }
  const rows = await db.session.findMany({ where: { userId: user.id, id: { not: current.id } } });
  return { user, token, otherIds: rows.map((s) => s.id) };
}

/** One batched POST calling `path` once per input, the way httpBatchLink sends mutations. */
function batchPost(path: string, inputs: unknown[], headers: Headers) {
  const body = Object.fromEntries(inputs.map((value, i) => [i, superjson.serialize(value)]));
  const paths = inputs.map(() => path).join(",");
  return post(`${paths}?batch=1`, { body: JSON.stringify(body), headers });
}

describe("/api/trpc", () => {
  it("answers a batch of queries with superjson data", async () => {
    await seed(db);
    const { status, body } = await batchGet("plan.list,plan.bySlug", [undefined, { slug: "pro" }]);
    expect(status).toBe(200);
    expect(body).toHaveLength(2);
    const [list, pro] = body.map((item) => ("result" in item ? item.result.data.json : item));
    expect((list as { slug: string }[]).map((p) => p.slug)).toEqual(["free", "pro", "team"]);
    expect(pro).toMatchObject({ slug: "pro", monthlyPriceCents: 1900 });
  });

  it("answers 400 with zod's field errors for bad input", async () => {
    const { status, body } = await batchGet("plan.bySlug", [{ slug: "" }]);
    expect(status).toBe(400);
    const [item] = body;
    if (!item || !("error" in item)) throw new Error("expected an error");
    expect(item.error.json.data).toMatchObject({
      code: "BAD_REQUEST",
      zodError: { fieldErrors: { slug: expect.arrayContaining(["Slug is required."]) } },
    });
  });

  it("answers 404 with the service's message for an unknown plan", async () => {
    const { status, body } = await batchGet("plan.bySlug", [{ slug: "enterprise" }]);
    expect(status).toBe(404);
    const [item] = body;
    expect(item && "error" in item && item.error.json.message).toBe(
      'No plan is called "enterprise".',
    );
  });

  it("answers 404 for a procedure that does not exist", async () => {
    const { status } = await batchGet("plan.delete", [undefined]);
    expect(status).toBe(404);
  });

  it("refuses a cross-site POST with 403 before any procedure runs", async () => {
    const response = await POST(
      new Request("http://localhost/api/trpc/session.signOut", {
        method: "POST",
        headers: { origin: "https://evil.example", "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(response.status).toBe(403);
  });

  it("answers 429 with Retry-After when a rate limit is hit", async () => {
    const signIn = () =>
      POST(
        new Request("http://localhost/api/trpc/session.signIn", {
          method: "POST",
          headers: {
            origin: "http://localhost",
            "content-type": "application/json",
            "x-forwarded-for": "192.0.2.50",
          },
          body: JSON.stringify(superjson.serialize({ email: "x@example.com", password: "wrong" })),
        }),
      );
    for (let i = 0; i < 10; i += 1) expect((await signIn()).status).toBe(401);
    const limited = await signIn();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("puts a service's field error next to its field", async () => {
    const response = await POST(
      new Request("http://localhost/api/trpc/account.verifyEmail", {
        method: "POST",
        headers: { origin: "http://localhost", "content-type": "application/json" },
        body: JSON.stringify(superjson.serialize({ token: "y".repeat(43), password: "whatever" })),
      }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { json: { data: { zodError: unknown } } } };
    expect(body.error.json.data.zodError).toEqual({
      formErrors: [],
      fieldErrors: { token: ["This link is invalid or has expired. Request a new one."] },
    });
  });

  it(`refuses a batch of more than ${TRPC_MAX_BATCH_SIZE} calls with 400 before any procedure runs`, async () => {
    const { user, token, otherIds } = await adaWithSessions(TRPC_MAX_BATCH_SIZE + 1);
    const revoke = (ids: string[]) =>
      batchPost(
        "session.revoke",
        ids.map((sessionId) => ({ sessionId })),
        requestHeaders(token),
      );
    const sessions = () => db.session.count({ where: { userId: user.id } });

    const { result: refused, queries } = await countQueries(() => revoke(otherIds));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: { json: { message: "Batch call exceeds maximum size" } },
    });
    expect(queries).toBe(0); // not even the session lookup of the context
    expect(await sessions()).toBe(TRPC_MAX_BATCH_SIZE + 2);

    // A batch at the cap runs every call.
    const accepted = await revoke(otherIds.slice(0, TRPC_MAX_BATCH_SIZE));
    expect(accepted.status).toBe(200);
    expect(await sessions()).toBe(2);
  });

  it(`answers 413 unparsed to a POST body over ${TRPC_MAX_BODY_BYTES} bytes, also for a procedure without input`, async () => {
    const { user, token } = await signedInUser();
    const signOut = (body: string) =>
      post("session.signOut", { body, headers: requestHeaders(token) });
    const padded = (bytes: number) => `{"json":"${"x".repeat(bytes - 11)}"}`;

    const { result: refused, queries } = await countQueries(() =>
      signOut(padded(TRPC_MAX_BODY_BYTES + 1)),
    );
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({
      error: {
        code: "PAYLOAD_TOO_LARGE",
        message: "The request body is larger than 1,048,576 bytes, this endpoint's limit.",
      },
    });
    expect(queries).toBe(0);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1); // signOut did not run

    expect((await signOut(padded(TRPC_MAX_BODY_BYTES))).status).toBe(200);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("counts the bytes it reads: a chunked body, or one whose Content-Length understates it, answers 413", async () => {
    const { user, token } = await signedInUser();
    for (const declared of [null, "100"]) {
      const { stream, pulled } = streamedBody(20 * TRPC_MAX_BODY_BYTES);
      const headers = requestHeaders(token);
      if (declared) headers.set("content-length", declared);
      const response = await post("session.signOut", { body: stream, headers, duplex: "half" });
      expect(response.status, `Content-Length ${declared}`).toBe(413);
      // Reading stopped at the limit: the rest of the 20 MiB was never read.
      expect(pulled()).toBeLessThanOrEqual(TRPC_MAX_BODY_BYTES + 64 * 1024);
    }
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("answers Cache-Control: private, no-store, signed in or not, success or error", async () => {
    await seed(db);
    const { token } = await signedInUser();
    const get = (path: string, token?: string) =>
      GET(new Request(`http://localhost/api/trpc/${path}`, { headers: requestHeaders(token) }));
    const answers = {
      "signed-in query": await get("session.list", token),
      "public query": await get("plan.list"),
      "query error": await get("session.list"),
      mutation: await post("session.signOut", { body: "{}", headers: requestHeaders(token) }),
      "cross-site refusal": await POST(
        new Request("http://localhost/api/trpc/session.signOut", {
          method: "POST",
          headers: { origin: "https://evil.example" },
        }),
      ),
      "too large": await post("session.signOut", { body: " ".repeat(TRPC_MAX_BODY_BYTES + 1) }),
    };
    expect(answers["signed-in query"].status).toBe(200);
    expect(answers["query error"].status).toBe(401);
    for (const [name, response] of Object.entries(answers)) {
      expect(response.headers.get("cache-control"), name).toBe("private, no-store");
    }
  });
});
