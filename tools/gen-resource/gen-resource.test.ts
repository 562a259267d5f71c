/**
 * The resource generator: its name rules and marker insertions, and the proof that its output
 * works: a resource generated into a temporary copy of the repository typechecks, lints, and
 * passes its own tests, the procedure catalogue, the authorization matrix, the bad-input suite
 * and the schema-vs-migrations check there. That last test takes minutes.
 */
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { insertAtAnchor } from "./anchors";
import { generateResource } from "./generate";
import { pluralOf, resourceNames } from "./names";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("resource names", () => {
  it("makes the plural by simple rules, or takes --plural", () => {
    expect(["note", "task", "box", "batch", "story", "day", "address"].map(pluralOf)).toEqual([
      "notes",
      "tasks",
      "boxes",
      "batches",
      "stories",
      "days",
      "addresses",
    ]);
    expect(resourceNames({ noun: "person", plural: "people" })).toEqual({
      noun: "person",
      Noun: "Person",
      plural: "people",
      Plural: "People",
    });
  });

  it("refuses anything but one lowercase word, naming the field", () => {
    for (const noun of ["", "Note", "to-do", "note2", "a", "x".repeat(31), "my note"]) {
      expect(() => resourceNames({ noun }), noun).toThrow(/^noun must be one lowercase word/);
    }
    expect(() => resourceNames({ noun: "delete" })).toThrow(
      "noun is a word the generated code uses itself.",
    );
    expect(() => resourceNames({ noun: "note", plural: "Notes" })).toThrow(/^plural must be/);
    expect(() => resourceNames({ noun: "note", plural: "note" })).toThrow(
      "plural must differ from the noun.",
    );
  });
});

describe("insertAtAnchor", () => {
  it("inserts above the marker, indented like it, keeping the marker for the next one", () => {
    const source = "const a = [\n  1,\n  // gen:resource items\n];\n";
    const once = insertAtAnchor(source, "items", "2,");
    expect(insertAtAnchor(once, "items", "3,")).toBe(
      "const a = [\n  1,\n  2,\n  3,\n  // gen:resource items\n];\n",
    );
  });

  it("fails, naming the file, when the marker is missing or repeated", () => {
    expect(() => insertAtAnchor("x", "items", "2,", "a.ts")).toThrow(
      'a.ts: expected one "// gen:resource items" line, found 0',
    );
    const twice = "// gen:resource items\n// gen:resource items\n";
    expect(() => insertAtAnchor(twice, "items", "2,", "a.ts")).toThrow("found 2");
  });
});

/** A copy of the repository's files (tracked and new, not ignored) with its node_modules linked. */
function copyOfRepository(): string {
  const copy = mkdtempSync(path.join(tmpdir(), "gen-resource-"));
  const files = execFileSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  )
    .split("\0")
    .filter((file) => file && existsSync(path.join(ROOT, file)));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(copy, file));
  }
  symlinkSync(path.join(ROOT, "node_modules"), path.join(copy, "node_modules"), "dir");
  return copy;
}

/** Runs `npx <args>` in `cwd` outside this vitest run; its output in the error when it fails. */
function npx(cwd: string, args: string[]) {
  // Without this run's variables: the copy's vitest starts its own embedded database and Stripe
  // emulator (never TEST_DATABASE_URL's, which the copy's migration would change).
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(VITEST|TEST$|NODE_ENV$|(TEST_)?DATABASE_URL$|STRIPE_)/.test(key),
    ),
  ) as NodeJS.ProcessEnv;
  try {
    return execFileSync("npx", args, { cwd, env, encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`npx ${args.join(" ")} failed:\n${stdout ?? ""}\n${stderr ?? ""}`.slice(-6000));
  }
}

describe("npm run gen:resource", () => {
  const copies: string[] = [];
  afterAll(() => {
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  });

  it("refuses a name that is taken and leaves the repository untouched", async () => {
    const copy = copyOfRepository();
    copies.push(copy);
    const schema = readFileSync(path.join(copy, "prisma/schema.prisma"), "utf8");
    await expect(generateResource(copy, resourceNames({ noun: "project" }))).rejects.toThrow(
      'prisma/schema.prisma already has Project (the table "Project").',
    );
    await expect(generateResource(copy, resourceNames({ noun: "setting" }))).rejects.toThrow(
      "src/app/(app)/w/[slug]/settings already exists.",
    );
    await expect(generateResource(copy, resourceNames({ noun: "member" }))).rejects.toThrow(
      'the router "member" already exists (src/server/api/root.ts).',
    );
    expect(readFileSync(path.join(copy, "prisma/schema.prisma"), "utf8")).toBe(schema);
  });

  it(
    "writes a resource that typechecks, lints and passes its tests and the suites' checks",
    () => {
      const copy = copyOfRepository();
      copies.push(copy);
      // The entry point itself: writes the files, then `prisma generate`.
      const written = npx(copy, ["tsx", "scripts/gen-resource.ts", "note"]);
      expect(written).toContain("src/server/services/notes.test.ts");

      npx(copy, ["next", "typegen"]);
      npx(copy, ["tsc", "--noEmit"]);
      const touched = [
        "src/schemas/note.ts",
        "src/server/services/notes.ts",
        "src/server/services/notes.test.ts",
        "src/server/api/routers/note.ts",
        "src/app/(app)/w/[slug]/notes/page.tsx",
        "src/components/notes",
        "e2e/notes.spec.ts",
        "src/server/api/root.ts",
        "src/schemas/permissions.ts",
        "src/server/audit/log.ts",
        "src/server/audit/actions.ts",
        "src/test/procedures.ts",
        "src/components/shell/sidebar-nav.tsx",
      ];
      npx(copy, ["eslint", "--max-warnings=0", ...touched]);
      npx(copy, ["prettier", "--check", ...touched]);
      const results = path.join(copy, "vitest-results.json");
      npx(copy, [
        "vitest",
        "run",
        "src/server/services/notes.test.ts",
        "src/server/api/procedures.test.ts",
        "src/server/api/authorization.test.ts",
        "src/server/api/bad-input.test.ts",
        "prisma/migrations.test.ts",
        "-t",
        "^note|note\\.|procedure catalogue|match prisma",
        "--reporter=json",
        `--outputFile=${results}`,
      ]);
      const report = JSON.parse(readFileSync(results, "utf8")) as {
        numFailedTests: number;
        testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[];
      };
      expect(report.numFailedTests).toBe(0);
      const passed = (file: string) =>
        report.testResults
          .filter((result) => result.name.endsWith(file))
          .flatMap((result) => result.assertionResults)
          .filter((test) => test.status === "passed")
          .map((test) => test.fullName);
      expect(passed("notes.test.ts")).toHaveLength(6);
      expect(passed("procedures.test.ts")).toHaveLength(2);
      expect(passed("migrations.test.ts")).toHaveLength(1);
      for (const suite of ["authorization.test.ts", "bad-input.test.ts"]) {
        for (const procedure of ["list", "create", "update", "delete"]) {
          expect(passed(suite).join("\n"), suite).toContain(`note.${procedure}:`);
        }
      }
    },
    15 * 60_000,
  );
});
