/**
 * The billing domain depends one way: services and routers call billing, billing calls no service.
 * The one exception is the audit log writer (a leaf module that imports nothing of ours), which the
 * Stripe sync uses to record plan changes in the transaction that writes them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const billingDir = join(root, "src", "server", "billing");

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
  it("imports no service module except the audit log writer", () => {
    const offending = sourceFiles(billingDir).flatMap((file) =>
      importsOf(file)
        .filter(
          (spec) => spec.startsWith("@/server/services/") && spec !== "@/server/services/audit",
        )
        .map((spec) => `${relative(root, file)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});
