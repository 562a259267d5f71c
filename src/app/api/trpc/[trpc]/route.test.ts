import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { seed } from "../../../../../prisma/seed";
import { GET, POST } from "./route";
import { db } from "@/server/db";
import { cleanDatabaseBeforeEach } from "@/test/database";

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
});
