import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./csrf";

const post = (headers: Record<string, string>) =>
  new Request("http://localhost:3000/api/trpc/session.signIn", { method: "POST", headers });

describe("isSameOriginRequest", () => {
  it("accepts safe methods from anywhere", () => {
    expect(isSameOriginRequest(new Request("http://localhost:3000/api/trpc/plan.list"))).toBe(true);
  });

  it("accepts a POST from the app's own origin", () => {
    expect(isSameOriginRequest(post({ origin: "http://localhost:3000" }))).toBe(true);
  });

  it("refuses a POST from another origin, whatever Sec-Fetch-Site says", () => {
    expect(isSameOriginRequest(post({ origin: "https://evil.example" }))).toBe(false);
    expect(
      isSameOriginRequest(
        post({ origin: "https://evil.example", "sec-fetch-site": "same-origin" }),
      ),
    ).toBe(false);
  });

  it("without Origin, accepts only Sec-Fetch-Site: same-origin", () => {
    expect(isSameOriginRequest(post({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(post({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOriginRequest(post({}))).toBe(false);
  });
});
