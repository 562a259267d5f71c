import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { REDACTED } from "@/error-reporting/report";
import {
  createLogger,
  isSafeRequestId,
  requestIdFrom,
  requestLogger,
  serializeError,
} from "@/server/log";

/** A logger writing to memory; `lines()` parses what it wrote, `text()` is the raw output. */
function memoryLogger() {
  const chunks: string[] = [];
  const log = createLogger({ write: (chunk: string) => void chunks.push(chunk) }, "trace");
  return {
    log,
    text: () => chunks.join(""),
    lines: () =>
      chunks
        .join("")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

const SECRET = "s3cr3t-VALUE-that-must-not-appear";

describe("logger output", () => {
  it("writes one JSON line with a level label, a time and the message", () => {
    const { log, lines } = memoryLogger();
    log.info({ eventId: "evt_1" }, "hello");
    const [line] = lines();
    expect(line).toMatchObject({ level: "info", eventId: "evt_1", msg: "hello" });
    expect(typeof line?.time).toBe("string");
  });

  it("honours the level", () => {
    const chunks: string[] = [];
    const log = createLogger({ write: (chunk: string) => void chunks.push(chunk) }, "warn");
    log.info("dropped");
    log.warn("kept");
    expect(chunks).toHaveLength(1);
  });
});

describe("redaction", () => {
  const keys = [
    "password",
    "passwordHash",
    "token",
    "cookie",
    "authorization",
    "secret",
    "stripeSignature",
    "content",
  ];

  for (const key of keys) {
    it(`censors ${key} at the top level and one level down`, () => {
      const { log, text, lines } = memoryLogger();
      log.info({ [key]: SECRET, user: { id: "u1", [key]: SECRET } }, "secret-bearing");
      expect(text()).not.toContain(SECRET);
      const [line] = lines();
      expect(line?.[key]).toBe(REDACTED);
      expect(line?.user).toEqual({ id: "u1", [key]: REDACTED });
    });
  }

  it("censors the request's cookie and authorization headers", () => {
    const { log, text, lines } = memoryLogger();
    log.info({
      req: { method: "POST", headers: { cookie: `session=${SECRET}`, authorization: SECRET } },
    });
    expect(text()).not.toContain(SECRET);
    expect(lines()[0]?.req).toEqual({
      method: "POST",
      headers: { cookie: REDACTED, authorization: REDACTED },
    });
  });

  it("censors a bare headers object and a Stripe-Signature header", () => {
    const { log, text } = memoryLogger();
    log.info({ headers: { cookie: SECRET, "stripe-signature": SECRET, "set-cookie": SECRET } });
    log.info({ req: { headers: { "stripe-signature": SECRET } } });
    expect(text()).not.toContain(SECRET);
  });

  it("censors secrets in the bindings of a child logger", () => {
    const { log, text } = memoryLogger();
    log.child({ user: { token: SECRET } }).info("child");
    expect(text()).not.toContain(SECRET);
  });
});

describe("request ids", () => {
  it("reuses a safe incoming x-request-id", () => {
    const id = "req_01HZ.abc-DEF_123";
    expect(requestIdFrom(new Headers({ "x-request-id": id }))).toBe(id);

    const { log, lines } = memoryLogger();
    const child = requestLogger(new Headers({ "x-request-id": id }), log);
    child.info("in request");
    expect(lines()[0]?.requestId).toBe(id);
    expect(child.bindings().requestId).toBe(id);
  });

  it.each([
    ["spaces", "abc def ghi"],
    ["a comma list", "abcdefgh, ijklmnop"],
    ["quotes", 'abcdefgh"}{"level":"fatal'],
    ["too short", "abc1234"],
    ["too long", "a".repeat(129)],
  ])("replaces an incoming id with %s by a UUID", (_, unsafe) => {
    const id = requestIdFrom(new Headers({ "x-request-id": unsafe }));
    expect(id).not.toBe(unsafe);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("refuses control characters (a forged log line)", () => {
    // Headers itself refuses an inner newline, so check the predicate directly.
    expect(isSafeRequestId("abcdefgh\nfake line")).toBe(false);
    expect(isSafeRequestId("abcdefgh\r")).toBe(false);
    expect(isSafeRequestId("abcdefgh\t")).toBe(false);
    expect(isSafeRequestId("a".repeat(128))).toBe(true);
    expect(isSafeRequestId(null)).toBe(false);
  });

  it("makes a new UUID when there is no header, different per request", () => {
    const a = requestIdFrom(new Headers());
    const b = requestIdFrom(new Headers());
    expect(a).not.toBe(b);
    expect(a).toHaveLength(36);
  });
});

describe("error serialization", () => {
  it("keeps name, message and code, not the cause's payload", () => {
    const cause = Object.assign(new Error(`row ${SECRET}`), {
      code: "P2002",
      meta: { target: ["email"], input: { passwordHash: SECRET } },
    });
    const error = new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "boom", cause });

    const { log, text, lines } = memoryLogger();
    log.error({ path: "user.create", code: error.code, err: error }, "tRPC call failed");

    expect(text()).not.toContain(SECRET);
    const err = lines()[0]?.err as Record<string, unknown>;
    expect(err).toMatchObject({
      name: "TRPCError",
      message: "boom",
      code: "INTERNAL_SERVER_ERROR",
      cause: { name: "Error", code: "P2002" },
    });
    expect(Object.keys(err).sort()).toEqual(["cause", "code", "message", "name", "stack"]);
  });

  it("drops other own properties (e.g. a Stripe error's raw response)", () => {
    const error = Object.assign(new Error("card declined"), {
      code: "card_declined",
      raw: { headers: { authorization: SECRET } },
      payload: SECRET,
    });
    expect(JSON.stringify(serializeError(error))).not.toContain(SECRET);
    expect(serializeError(error)).toMatchObject({ name: "Error", code: "card_declined" });
  });

  it("serializes an Error passed as the first argument", () => {
    const { log, lines } = memoryLogger();
    log.warn(Object.assign(new RangeError("out of range"), { code: 42 }));
    expect(lines()[0]?.err).toMatchObject({
      name: "RangeError",
      message: "out of range",
      code: 42,
    });
  });

  it("masks secret shapes echoed in a message", () => {
    const hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";
    const error = new Error(
      `Invalid invocation: { passwordHash: "${hash}", key: "sk_test_abc123XYZ", ` +
        `s: "whsec_abcdef", url: "/verify?token=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd" }`,
    );
    const { message, stack } = serializeError(error) as { message: string; stack: string };
    for (const text of [message, stack]) {
      expect(text).not.toContain("$argon2id$");
      expect(text).not.toContain("aGFzaGhhc2hoYXNoaGFzaA");
      expect(text).not.toContain("sk_test_abc");
      expect(text).not.toContain("whsec_abc");
      expect(text).not.toContain("AbCdEfGhIjKlMnOp");
      expect(text).toContain(`token=${REDACTED}`);
    }
  });

  it("reduces a thrown non-Error to its type", () => {
    expect(serializeError({ password: SECRET })).toEqual({
      name: "object",
      message: "(non-Error value thrown)",
    });
    expect(serializeError("plain reason")).toBe("plain reason");
  });
});
