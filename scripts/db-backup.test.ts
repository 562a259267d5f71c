import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { closedPort } from "../src/test/net";
import { runScript } from "../src/test/scripts";

const run = promisify(execFile);
const hasPgDump = await run("pg_dump", ["--version"]).then(
  () => true,
  () => false,
);

/** Runs `tsx scripts/db-backup.ts <args>`: see runScript. */
const dbBackup = (args: string[], env: Record<string, string>) =>
  runScript("scripts/db-backup.ts", args, env);

describe("scripts/db-backup.ts", () => {
  it("asks for the file to restore", async () => {
    const result = await dbBackup(["restore"], { EMBEDDED_DB_DIR: "memory://" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      "✖ db:restore needs the backup file: npm run db:restore -- <file>",
    );
  });

  it("will not overwrite a server's database without --force when no one can be asked", async () => {
    const port = await closedPort();
    const result = await dbBackup(["restore", "backup.dump"], {
      DATABASE_URL: `postgresql://postgres:secret@127.0.0.1:${port}/app`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      "✖ db:restore replaces the tables of DATABASE_URL's database: add --force to confirm",
    );
  });

  it("names host and port, not the password, when the server cannot be reached", async () => {
    const port = await closedPort();
    const file = path.join(tmpdir(), `unreachable-${process.pid}.dump`);
    const result = await dbBackup(["backup", file], {
      DATABASE_URL: `postgresql://postgres:secret@127.0.0.1:${port}/app`,
    });
    expect(result.code).toBe(1);
    // Machines without PostgreSQL's client programs get told how to install them instead.
    expect(result.stderr.trim()).toMatch(
      hasPgDump
        ? new RegExp(
            `^✖ pg_dump failed: pg_dump: error: connection to server at "127\\.0\\.0\\.1", port ${port} failed: Connection refused`,
          )
        : /^✖ pg_dump is not installed \(Debian\/Ubuntu: apt-get install postgresql-client\)$/,
    );
    expect(result.stderr).not.toContain("secret");
    expect(existsSync(file)).toBe(false); // no empty file left behind
  });
});
