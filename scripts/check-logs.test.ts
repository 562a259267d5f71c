import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { formatFinding, scanText } from "./check-logs";
import { createLogger } from "@/server/log";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..");

const emailToken = randomBytes(32).toString("base64url"); // 43 characters
const sessionId = "abcdefghijklmnopqrstuvwxyz234567abcdefgh"; // Lucia: 40 characters
const argon2 = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";

/** Rule names found in `text`. */
const rules = (text: string) => scanText(text).map((f) => f.rule);

describe("scanText", () => {
  it("finds a session cookie value, by each cookie name", () => {
    expect(rules(`cookie: session=${sessionId}`)).toEqual(["session cookie value"]);
    expect(rules(`cookie: __Host-session=${sessionId}; theme=dark`)).toEqual([
      "session cookie value",
    ]);
    expect(rules(`auth_session=${sessionId}x`)).toEqual(["session cookie value"]);
  });

  it("finds a Set-Cookie header with a value", () => {
    expect(rules(`{"set-cookie":"session=${sessionId}; Path=/; HttpOnly"}`)).toEqual([
      "session cookie value",
      "Set-Cookie header value",
    ]);
    expect(rules(`Set-Cookie: sid=${"x".repeat(24)}; Path=/`)).toEqual(["Set-Cookie header value"]);
  });

  it("finds a 43-character base64url token after token=", () => {
    expect(rules(`GET /verify-email?token=${emailToken} 200`)).toEqual(["emailed token"]);
    expect(rules(`token=${emailToken}`)).toHaveLength(1);
  });

  it("finds Stripe secrets", () => {
    expect(rules("STRIPE_WEBHOOK_SECRET=whsec_abc123")).toEqual(["Stripe secret"]);
    expect(rules("key sk_test_51Habc and sk_live_9zz")).toEqual(["Stripe secret", "Stripe secret"]);
  });

  it("finds passwordHash and argon2 hashes", () => {
    expect(rules(`{"passwordHash":"${argon2}"}`)).toEqual(["passwordHash field", "argon2 hash"]);
    expect(rules(`hash ${argon2}`)).toEqual(["argon2 hash"]);
  });

  it("numbers lines and masks the secret in the report", () => {
    const [finding] = scanText(`first line\nsecond token=${emailToken}`);
    expect(finding).toMatchObject({ line: 2, rule: "emailed token" });
    const line = formatFinding("server.log", finding!);
    expect(line).toMatch(/^server\.log:2: emailed token \(token=/);
    expect(line).not.toContain(emailToken);
  });

  it("passes ordinary log lines and near misses", () => {
    const clean = [
      '{"level":"info","requestId":"5f0c","path":"session.signIn","code":"UNAUTHORIZED"}',
      '{"level":"info","eventId":"evt_1","type":"invoice.paid","outcome":"processed"}',
      "STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_…)",
      `token=${emailToken.slice(0, 42)} short`,
      `token=${emailToken}X (44 characters)`,
      "session=short; theme=dark",
      '{"token":"[Redacted]","cookie":"[Redacted]"}',
      "GET /dashboard 200 in 12ms",
    ].join("\n");
    expect(scanText(clean)).toEqual([]);
  });

  it("passes the logger's own output for redacted secrets", () => {
    const chunks: string[] = [];
    const log = createLogger({ write: (chunk: string) => void chunks.push(chunk) }, "info");
    log.info({
      token: emailToken,
      user: { password: "hunter2hunter2" },
      req: { headers: { cookie: `session=${sessionId}`, authorization: "Bearer x" } },
      webhook: { secret: "whsec_abc123" },
    });
    log.error({ err: new Error(`bad row ${argon2} with key sk_test_abc`) }, "failed");
    expect(scanText(chunks.join(""))).toEqual([]);
  });
});

describe("npm run logs:check", () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Runs the CLI on one file per entry of `contents` (null: a file that does not exist). */
  async function check(...contents: (string | null)[]) {
    dir ??= await mkdtemp(path.join(tmpdir(), "check-logs-"));
    const files: string[] = [];
    for (const content of contents) {
      const file = path.join(dir, `${randomBytes(4).toString("hex")}.log`);
      if (content !== null) await writeFile(file, content);
      files.push(file);
    }
    const tsx = path.join(ROOT, "node_modules/.bin/tsx");
    const file = files[0]!;
    try {
      const { stdout, stderr } = await run(tsx, ["scripts/check-logs.ts", ...files], { cwd: ROOT });
      return { code: 0, stdout, stderr, file, files };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr, file, files };
    }
  }

  it("exits 0 with a one-line summary on a clean log", async () => {
    const result = await check('{"level":"info","msg":"ready"}\n{"level":"warn","msg":"x"}\n');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toEqual([
      `logs:check: ${result.file}: 2 lines, no secrets found.`,
    ]);
  });

  it("exits 1 with one line per finding", async () => {
    const result = await check(`ok\nSet-Cookie: session=${sessionId}; Path=/\nsk_live_abc\n`);
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/:2: session cookie value \(/),
      expect.stringMatching(/:2: Set-Cookie header value \(/),
      expect.stringMatching(/:3: Stripe secret \(/),
    ]);
    expect(result.stdout).not.toContain(sessionId);
  });

  it("checks every file it is given: a secret in the second fails the run", async () => {
    const result = await check("clean\n", "whsec_abc123\n");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`logs:check: ${result.files[0]}: 1 lines, no secrets found.`);
    expect(result.stdout).toMatch(new RegExp(`${result.files[1]}:1: Stripe secret \\(`));
  });

  it("exits 2 when the file cannot be read", async () => {
    const result = await check(null);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("cannot read");
  });
});
