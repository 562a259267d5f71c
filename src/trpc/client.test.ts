/**
 * The browser's tRPC link against the real endpoint: its batches fit the server's cap, so any
 * number of simultaneous queries is answered.
 */
import { createTRPCClient } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed";
import { GET } from "@/app/api/trpc/[trpc]/route";
import { TRPC_MAX_BATCH_SIZE } from "@/schemas/request-limits";
import type { AppRouter } from "@/trpc/types";
import { db } from "@/server/db";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { endpointLink } from "@/trpc/client";

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
