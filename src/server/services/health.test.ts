import { closedPort } from "@/test/net";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/server/db-client";
import { db } from "@/server/db";
import { checkHealth } from "@/server/services/health";

describe("checkHealth", () => {
  it("reports ok when the database answers", async () => {
    await expect(checkHealth(db)).resolves.toEqual({ status: "ok", db: "ok" });
  });

  it("reports the database unreachable, with no URL or password in the summary", async () => {
    const port = await closedPort();
    const client = createPrismaClient({
      connectionString: `postgresql://app:s3cret@127.0.0.1:${port}/app`,
      max: 1,
      connectionTimeoutMs: 1_000,
    });
    try {
      const report = await checkHealth(client);
      expect(report).toEqual({
        status: "error",
        db: "unreachable",
        error: "Database unreachable: server not reachable",
      });
      expect(JSON.stringify(report)).not.toMatch(/s3cret|postgresql:/);
    } finally {
      await client.$disconnect();
    }
  });
});
