import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readMigrations } from "@saas/local-postgres/migrate";
import { MIGRATIONS_DIR } from "../prisma/paths";
import {
  checkMigrations,
  type Finding,
  readReleasedMarker,
  writeReleasedMarker,
} from "./migration-safety";

const RELEASED = "20270101000000_released";
const released = (name: string) => name <= RELEASED;

/** Checks one new migration after a released one that created "User" (id, name, email). */
async function check(sql: string, earlier: string[] = []): Promise<Finding[]> {
  return checkMigrations(
    [
      {
        name: RELEASED,
        sql: 'CREATE TABLE "User" ("id" TEXT NOT NULL, "name" TEXT, "email" TEXT NOT NULL);',
      },
      ...earlier.map((s, i) => ({ name: `2027010200000${i}_earlier`, sql: s })),
      { name: "20270103000000_new", sql },
    ],
    released,
  );
}

const rules = (findings: Finding[]) => findings.map((f) => [f.rule, f.allowedBecause]);

describe("checkMigrations", () => {
  it("flags dropping and renaming what the previous release had", async () => {
    const findings = await check(`-- DropTable
DROP TABLE "User";
ALTER TABLE "User" RENAME TO "Account";
ALTER TABLE "public"."User" DROP COLUMN "name", DROP COLUMN "email";
ALTER TABLE "User" RENAME COLUMN "name" TO "fullName";
`);
    expect(rules(findings)).toEqual([
      ["drop-table", null],
      ["rename-table", null],
      ["drop-column", null],
      ["drop-column", null],
      ["rename-column", null],
    ]);
    expect(findings[0]).toMatchObject({
      migration: "20270103000000_new",
      line: 2,
      message: expect.stringMatching(/^DROP TABLE "User": the previous release still queries it/),
    });
    expect(findings[2]!.message).toMatch(/^drops column "User"."name"/);
    expect(findings.map((f) => f.line)).toEqual([2, 3, 4, 4, 5]);
  });

  it("flags NOT NULL columns added to an existing table without a default, and SET NOT NULL", async () => {
    const findings = await check(`ALTER TABLE "User" ADD COLUMN "plan" TEXT NOT NULL;
ALTER TABLE "User" ADD COLUMN "ok1" TEXT NOT NULL DEFAULT 'free',
  ADD COLUMN "ok2" TEXT,
  ADD COLUMN "ok3" BIGSERIAL,
  ADD COLUMN "ok4" INTEGER GENERATED ALWAYS AS IDENTITY;
ALTER TABLE "User" ALTER COLUMN "name" SET NOT NULL;`);
    expect(rules(findings)).toEqual([
      ["not-null-without-default", null],
      ["set-not-null", null],
    ]);
    expect(findings[0]!.message).toMatch(/^adds NOT NULL column "User"."plan" without a default/);
  });

  it("lets unreleased migrations change what unreleased migrations created", async () => {
    const findings = await check(
      `ALTER TABLE "Team" ADD COLUMN "slug" TEXT NOT NULL;
ALTER TABLE "Team" RENAME COLUMN "label" TO "title";
ALTER TABLE "User" DROP COLUMN "nickname";
ALTER TABLE "User" ALTER COLUMN "nickname2" SET NOT NULL;
ALTER TABLE "Team" RENAME TO "Group";
DROP TABLE "Group";`,
      [
        'CREATE TABLE "Team" ("id" TEXT NOT NULL, "label" TEXT);',
        'ALTER TABLE "User" ADD COLUMN "nickname" TEXT, ADD COLUMN "nickname2" TEXT;',
      ],
    );
    expect(findings).toEqual([]);
  });

  it("allows a flagged statement whose comment above gives a reason", async () => {
    const findings = await check(`-- A note about something else.
-- safe-migration: contract step, "name" unused since 20270102000000_stop_reading_name
ALTER TABLE "User" DROP COLUMN "name";

-- safe-migration:
DROP TABLE "User";`);
    expect(rules(findings)).toEqual([
      ["drop-column", 'contract step, "name" unused since 20270102000000_stop_reading_name'],
      ["drop-table", null], // a bare marker with no reason allows nothing
    ]);
  });

  it("does not carry a reason over to the next statement", async () => {
    const findings = await check(`-- safe-migration: reviewed in #42
ALTER TABLE "User" DROP COLUMN "name";
ALTER TABLE "User" DROP COLUMN "email";`);
    expect(rules(findings)).toEqual([
      ["drop-column", "reviewed in #42"],
      ["drop-column", null],
    ]);
  });

  it("skips released migrations, whatever they did", async () => {
    const findings = await checkMigrations(
      [{ name: RELEASED, sql: 'DROP TABLE "User";' }],
      released,
    );
    expect(findings).toEqual([]);
  });

  it("names the migration whose SQL does not parse", async () => {
    await expect(check("ALTER TABLE;")).rejects.toThrow(
      /^20270103000000_new\/migration.sql does not parse: syntax error/,
    );
  });

  it("passes this repository's migrations after its .released marker", async () => {
    const marker = await readReleasedMarker(MIGRATIONS_DIR);
    expect(marker).toMatch(/^\d{14}_/);
    const list = await readMigrations(MIGRATIONS_DIR);
    const migrations = list.migrationDirectories.map(({ path: name, migrationFile }) => ({
      name,
      sql: migrationFile.content.tag === "ok" ? migrationFile.content.value : "",
    }));
    const findings = await checkMigrations(migrations, (name) => name <= marker!);
    expect(findings.filter((f) => !f.allowedBecause)).toEqual([]);
  });
});

describe("the .released marker", () => {
  it("round-trips the newest released migration, and is null when absent", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "released-"));
    try {
      expect(await readReleasedMarker(dir)).toBeNull();
      await writeReleasedMarker(dir, "20270101000000_x");
      expect(await readReleasedMarker(dir)).toBe("20270101000000_x");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
