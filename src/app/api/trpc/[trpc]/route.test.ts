import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { seed } from "../../../../../prisma/seed";
import { GET } from "./route";
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
});
