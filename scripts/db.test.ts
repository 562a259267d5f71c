import { closedPort } from "../src/test/net";
import { runScript } from "../src/test/scripts";
import { describe, expect, inject, it } from "vitest";

/** Runs `tsx scripts/db.ts <args>`: see runScript. */
const db = (args: string[], env: Record<string, string>) => runScript("scripts/db.ts", args, env);

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
