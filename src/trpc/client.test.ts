/**
 * The browser's tRPC link against the real endpoint: its batches fit the server's cap, so any
 * number of simultaneous queries is answered.
 */
import { createTRPCClient, TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed";
import { GET } from "@/app/api/trpc/[trpc]/route";
import { TRPC_MAX_BATCH_SIZE } from "@/schemas/request-limits";
import type { AppRouter } from "@/trpc/types";
import { db } from "@/server/db";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { endpointLink, isUnexpectedError } from "@/trpc/client";

cleanDatabaseBeforeEach();

describe("endpointLink", () => {
  it(`splits simultaneous calls into batches of at most ${TRPC_MAX_BATCH_SIZE}, all answered`, async () => {
    await seed(db);
    const batchSizes: number[] = [];
    const client = createTRPCClient<AppRouter>({
      links: [
        endpointLink(async (input, init) => {
          const request = new Request(input, init);
          batchSizes.push(new URL(request.url).pathname.split(",").length);
          return GET(request);
        }),
      ],
    });
    const calls = 2 * TRPC_MAX_BATCH_SIZE + 5;
    const plans = await Promise.all(Array.from({ length: calls }, () => client.plan.list.query()));
    expect(plans.map((list) => list.length)).toEqual(Array(calls).fill(3));
    expect(batchSizes).toEqual([TRPC_MAX_BATCH_SIZE, TRPC_MAX_BATCH_SIZE, 5]);
  });
});

describe("isUnexpectedError (what the browser console logs outside development)", () => {
  const client = createTRPCClient<AppRouter>({
    links: [endpointLink(async (input, init) => GET(new Request(input, init)))],
  });

  it("leaves out a 4xx answer the UI shows", async () => {
    const answer = await client.workspace.list.query().catch((error: unknown) => error);
    expect(answer).toBeInstanceOf(TRPCClientError);
    expect((answer as TRPCClientError<AppRouter>).data?.httpStatus).toBe(401);
    expect(isUnexpectedError(answer)).toBe(false);
  });

  it("keeps a network failure and anything that is not an error answer", async () => {
    const offline = createTRPCClient<AppRouter>({
      links: [endpointLink(() => Promise.reject(new TypeError("Failed to fetch")))],
    });
    const failure = await offline.plan.list.query().catch((error: unknown) => error);
    expect(isUnexpectedError(failure)).toBe(true);
    expect(isUnexpectedError(new Error("boom"))).toBe(true);
    expect(isUnexpectedError({ result: "ok" })).toBe(false);
  });
});
