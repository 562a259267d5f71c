/**
 * The billing domain depends one way: services and routers call billing, billing calls no service.
 * The audit log (src/server/audit/), which the Stripe sync writes to in the transaction of a plan
 * change, is a leaf: it imports nothing of ours but the generated Prisma types, so no folder pair
 * imports each other.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const billingDir = join(root, "src", "server", "billing");
const auditDir = join(root, "src", "server", "audit");

/** Every module specifier a TypeScript file imports or re-exports. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/\b(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((match) => match[1]!);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("billing's dependency direction", () => {
  it("imports no service module", () => {
    const offending = sourceFiles(billingDir).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith("@/server/services/"))
        .map((spec) => `${relative(root, file)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it("writes to an audit log that imports nothing of ours but the Prisma types", () => {
    const offending = sourceFiles(auditDir)
      .filter((file) => !file.endsWith(".test.ts"))
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => spec.startsWith("@/") && !/^@\/(generated|server\/audit)\//.test(spec))
          .map((spec) => `${relative(root, file)} → ${spec}`),
      );
    expect(offending).toEqual([]);
  });
});
