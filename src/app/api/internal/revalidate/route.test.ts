/**
 * `POST /api/internal/revalidate`: 401 without the right Bearer token, 204 with it (outside a
 * Next request there is no cache to refresh, so what is checked here is who may ask). The route
 * is off (404) without REVALIDATE_TOKEN: src/env.ts reads the variable once, so that case is the
 * metrics route's, which shares the check (src/server/http/bearer.ts).
 */
import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/internal/revalidate/route";

// Set before the app's env is read (vi.hoisted runs ahead of the imports).
const TOKEN = vi.hoisted(() => {
  const token = "revalidate-token-for-tests-0123456789";
  process.env.REVALIDATE_TOKEN = token;
  return token;
});

const ask = (authorization?: string) =>
  POST(
    new Request("http://localhost/api/internal/revalidate", {
      method: "POST",
      headers: authorization ? { authorization } : undefined,
    }),
  );

describe("POST /api/internal/revalidate", () => {
  it("refuses a request without the token, or with another one", async () => {
    for (const authorization of [undefined, "Bearer wrong-token-0123456789", `Basic ${TOKEN}`]) {
      const response = await ask(authorization);
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
    }
  });

  it("answers 204 to the worker's token", async () => {
    expect((await ask(`Bearer ${TOKEN}`)).status).toBe(204);
  });
});
