import { describe, expect, it } from "vitest";
import { buildReport, REDACTED, scrubContext, scrubText } from "./report";

describe("scrubText", () => {
  it("masks emails, Stripe secrets, password hashes, bearer tokens and JWTs", () => {
    const text = [
      "user ada.lovelace+test@example.co.uk failed",
      `key ${["sk", "live", "FAKE0key"].join("_")} and ${["whsec", "FAKE0secret"].join("_")}`,
      "hash $argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
      "Authorization: Bearer abc.def-ghi",
      "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln",
    ].join("\n");
    const out = scrubText(text, 10_000);
    expect(out).toContain("user [email] failed");
    expect(out).toContain(`key ${REDACTED} and ${REDACTED}`);
    expect(out).toContain(`hash ${REDACTED}`);
    expect(out).toContain(`Bearer ${REDACTED}`);
    expect(out).toContain(`jwt ${REDACTED}`);
    for (const secret of [
      "ada.lovelace",
      "FAKE0key",
      "FAKE0secret",
      "c2FsdA",
      "abc.def-ghi",
      "eyJzdWIi",
    ]) {
      expect(out).not.toContain(secret);
    }
  });

  it("drops URLs' and paths' query strings and fragments, where links carry their tokens", () => {
    expect(scrubText("GET https://app.example.com/reset-password?token=abc#x failed", 500)).toBe(
      "GET https://app.example.com/reset-password failed",
    );
    expect(scrubText("at /verify-email?token=abc&next=/x", 500)).toBe("at /verify-email");
    expect(scrubText("plain text? yes", 500)).toBe("plain text? yes");
  });

  it("keeps log lines' personal data when asked (logs mask secrets only), and cuts to length", () => {
    expect(scrubText("a@b.co sk_test_x", 100, false)).toBe(`a@b.co ${REDACTED}`);
    expect(scrubText("x".repeat(20), 10)).toBe(`${"x".repeat(10)}…`);
  });
});

describe("scrubContext", () => {
  it("redacts sensitive keys, scrubs strings and drops objects", () => {
    expect(
      scrubContext({
        password: "hunter2",
        sessionToken: "abc",
        Cookie: "auth_session=1",
        authorization: "Basic xyz",
        userEmail: "a@b.co",
        otp: "123456",
        path: "/w/acme?invite=secret",
        procedure: "workspace.create",
        attempt: 2,
        ok: false,
        body: { password: "x" },
        rows: [1, 2],
        missing: undefined,
      }),
    ).toEqual({
      password: REDACTED,
      sessionToken: REDACTED,
      Cookie: REDACTED,
      authorization: REDACTED,
      userEmail: REDACTED,
      otp: REDACTED,
      path: "/w/acme",
      procedure: "workspace.create",
      attempt: 2,
      ok: false,
    });
  });
});

describe("buildReport", () => {
  it("reports an error's name, scrubbed message and stack, code, digest and request id", () => {
    const error = Object.assign(new Error("no user bob@example.com"), {
      code: "P2025",
      digest: "1234567890",
      meta: { email: "bob@example.com" },
    });
    const report = buildReport(error, "request", {
      requestId: "req-12345678",
      environment: "staging",
      context: { route: "/w/[slug]" },
    });
    expect(report).toMatchObject({
      source: "request",
      error: { name: "Error", message: "no user [email]", code: "P2025", digest: "1234567890" },
      requestId: "req-12345678",
      environment: "staging",
      context: { route: "/w/[slug]" },
    });
    expect(report.error.stack).toContain("no user [email]");
    expect(JSON.stringify(report)).not.toContain("bob@");
    expect(Date.parse(report.time)).not.toBeNaN();
  });

  it("accepts anything thrown, and only a plain-token request id", () => {
    expect(buildReport("boom", "client", { requestId: "bad id\n{}" })).toMatchObject({
      error: { name: "string", message: "boom" },
    });
    expect(buildReport("boom", "client", { requestId: "bad id\n{}" }).requestId).toBeUndefined();
    expect(buildReport({ x: 1 }, "job").error).toEqual({
      name: "object",
      message: "(non-Error value thrown)",
    });
  });
});
