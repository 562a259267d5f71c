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
    expect(lines[0]).toBe(
      "Invalid environment variables (run `npm run env:check`; see .env.example):",
    );
    expect(lines.some((l) => l.startsWith("  - DATABASE_URL: must be a postgresql:// URL"))).toBe(
      true,
    );
    expect(lines.some((l) => l.startsWith("  - DATABASE_POOL_MAX:"))).toBe(true);
  });

  it("stops in staging and production when a variable they require is left to its default", async () => {
    vi.stubEnv("APP_ENV", "staging");
    vi.stubEnv("APP_URL", "");
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.resetModules();
    const error = await import("./env").catch((e: unknown) => e);
    expect((error as Error).message).toContain("  - APP_URL: is required in staging (APP_ENV)");
  });

  it("reads the brand at run time, with a default", async () => {
    vi.stubEnv("BRAND_NAME", "");
    vi.resetModules();
    expect((await import("./env")).env.BRAND_NAME).toBe("Starter");
    vi.stubEnv("BRAND_NAME", "Acme Cloud");
    vi.stubEnv("BRAND_LOGO_URL", "/acme.svg");
    vi.resetModules();
    const { env } = await import("./env");
    expect([env.BRAND_NAME, env.BRAND_LOGO_URL]).toEqual(["Acme Cloud", "/acme.svg"]);
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
