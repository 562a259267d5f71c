import { afterEach, describe, expect, it, vi } from "vitest";
import { formatEnvIssues } from "./env";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("env", () => {
  it("stops with one message that lists every invalid variable", async () => {
    vi.stubEnv("DATABASE_URL", "mysql://root@localhost/app");
    vi.stubEnv("DATABASE_POOL_MAX", "0");
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.resetModules();
    const error = await import("./env").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const lines = (error as Error).message.split("\n");
    expect(lines[0]).toBe("Invalid environment variables (see .env.example):");
    expect(lines.some((l) => l.startsWith("  - DATABASE_URL: must be a postgresql:// URL"))).toBe(
      true,
    );
    expect(lines.some((l) => l.startsWith("  - DATABASE_POOL_MAX:"))).toBe(true);
  });

  it("applies defaults to optional variables", async () => {
    vi.stubEnv("DATABASE_POOL_MAX", "");
    vi.resetModules();
    const { env } = await import("./env");
    expect(env.DATABASE_POOL_MAX).toBe(10);
    expect(env.DATABASE_CONNECTION_TIMEOUT_MS).toBe(5_000);
  });
});

describe("formatEnvIssues", () => {
  it("names nested paths", () => {
    expect(formatEnvIssues([{ message: "Required", path: [{ key: "A" }, "B"] }])).toContain(
      "  - A.B: Required",
    );
  });
});
