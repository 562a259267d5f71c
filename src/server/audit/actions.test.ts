/**
 * Every audit action the code writes reads as words in the activity log, never as the fallback
 * "performed <action>" (exports once showed "performed export.requested").
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { describeActivity } from "@/server/services/activity";

const ROOT = path.resolve(import.meta.dirname, "../../..");
/** Where code that writes audit entries lives: the app, the CLI scripts, the seeds. */
const DIRS = ["src", "scripts", "prisma", "packages"].map((dir) => path.join(ROOT, dir));

/** The source files (not tests) under `dir` that write audit entries. */
function auditWriters(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .filter((file) => !/(^|\/)(node_modules|generated)\//.test(file))
    .map((file) => path.join(dir, file))
    .filter((file) => /recordAudit\(|auditLog\.create/.test(readFileSync(file, "utf8")));
}

/**
 * The dotted action names ("export.requested") in `file`: string literals given to `action:` or
 * `action =`, or a branch of a conditional (`? "project.archived" : "project.updated"`).
 */
function actionsIn(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const literal = /(?:\baction\s*[:=]|[?:])\s*"([a-z]+(?:_[a-z]+)*\.[a-z]+(?:_[a-z]+)*)"/g;
  return [...source.matchAll(literal)].map((m) => m[1]!);
}

it("summarises in words every action any service writes", () => {
  const writers = DIRS.flatMap(auditWriters);
  const actions = [...new Set(writers.flatMap(actionsIn))].sort();
  // The scan finds the writers it must: a broken scan would make this test pass vacuously.
  expect(actions).toEqual(
    expect.arrayContaining(["export.requested", "member.role_changed", "project.archived"]),
  );
  const unsummarised = actions.filter((action) => {
    const summary = describeActivity({ action, metadata: {} });
    return summary === "" || summary.includes(action);
  });
  expect(unsummarised).toEqual([]);
});
