import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { closedPort } from "../src/test/net";
import { describe, expect, inject, it } from "vitest";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..");

/** Runs `tsx scripts/db.ts <args>`; resolves with its exit code and output. */
async function db(args: string[], env: Record<string, string>) {
  const tsx = path.join(ROOT, "node_modules/.bin/tsx");
  try {
    const { stdout, stderr } = await run(tsx, ["scripts/db.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("scripts/db.ts", () => {
  it("prints one line naming host and port when the database cannot be reached", async () => {
    const port = await closedPort();
    const result = await db(["status"], {
      DATABASE_URL: `postgresql://postgres:secret@127.0.0.1:${port}/app`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      new RegExp(`^✖ Cannot reach PostgreSQL at 127\\.0\\.0\\.1:${port}: `),
    );
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toContain("secret");
  });

  it("names the rule a bad --name breaks, and writes nothing", async () => {
    const result = await db(["migration:new", "--name", "Add Stuff!"], {
      DATABASE_URL: inject("databaseUrl"),
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe("✖ --name uses lower-case letters, digits, _ and -");
  });

  it("reports an up-to-date database", async () => {
    const result = await db(["status"], { DATABASE_URL: inject("databaseUrl") });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\d+ applied, 0 pending/);
  });
});
