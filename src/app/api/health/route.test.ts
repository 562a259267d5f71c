import { describe, expect, it } from "vitest";
import { GET as health } from "./route";
import { GET as live } from "./live/route";
import { GET as ready } from "./ready/route";

describe("health endpoints", () => {
  it("/api/health/live answers 200 without asking any dependency, never cached", () => {
    const response = live();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("/api/health/ready answers 200 with every check ok, never cached", async () => {
    const response = await ready();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    await expect(response.json()).resolves.toEqual({
      status: "ok",
      checks: { database: "ok", migrations: "ok", jobs: "ok" },
    });
  });

  it("/api/health answers as /api/health/ready, for existing probes", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect((await response.json()).checks).toEqual({
      database: "ok",
      migrations: "ok",
      jobs: "ok",
    });
  });
});
