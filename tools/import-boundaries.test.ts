/**
 * The import rules of eslint.config.mjs (README, "Layout"), checked through ESLint's own API on
 * probe files: each forbidden direction is an error, and the allowed ones are not.
 */
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: ROOT });

/** The boundary errors ESLint reports for `code` as if it were the file `file`. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? [])
    .filter(
      (m) => m.ruleId === "import/no-restricted-paths" || m.ruleId === "no-restricted-imports",
    )
    .map((m) => m.message);
}

describe("import boundaries (npm run lint)", () => {
  it("packages/ import no app code: not src/, scripts/, tools/", async () => {
    const errors = await boundaryErrors(
      "packages/stripe-emulator/src/probe.ts",
      [
        'import { PLANS } from "../../../src/server/billing/plans";',
        'import { ROOT } from "../../../tools/database";',
        'export const probe = [PLANS, ROOT, () => import("../../../scripts/db")];',
      ].join("\n"),
    );
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain("packages/ are products of their own");
  }, 60_000);

  it("src/ imports neither scripts/ nor tools/ nor e2e/", async () => {
    const errors = await boundaryErrors(
      "src/server/probe.ts",
      [
        'import { stopAll } from "../../tools/process-groups";',
        'import type { Started } from "../../e2e/support/cluster";',
        "export type Probe = Started;",
        'export const probe = [stopAll, () => import("../../scripts/db")];',
      ].join("\n"),
    );
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain("src/ imports no tooling");
  }, 60_000);

  it("services import neither tRPC nor src/server/api; their tests may", async () => {
    const code = [
      'import { TRPCError } from "@trpc/server";',
      'import { protectedProcedure } from "@/server/api/init";',
      "export const probe = [TRPCError, protectedProcedure];",
    ].join("\n");
    const errors = await boundaryErrors("src/server/services/probe.ts", code);
    expect(errors).toHaveLength(2);
    expect(errors.join("\n")).toContain("Services never import tRPC");
    await expect(boundaryErrors("src/server/services/probe.test.ts", code)).resolves.toEqual([]);
  }, 60_000);

  it("schemas and components import no server code; the router's type comes from @/trpc/types", async () => {
    const component = await boundaryErrors(
      "src/components/probe.tsx",
      'import type { AppRouter } from "@/server/api/root";\nexport type Probe = AppRouter;',
    );
    expect(component).toHaveLength(1);
    expect(component[0]).toContain("never import server code");
    const schema = await boundaryErrors(
      "src/schemas/probe.ts",
      'import { PLANS } from "@/server/billing/plans";\nexport const probe = PLANS;',
    );
    expect(schema).toHaveLength(1);
    await expect(
      boundaryErrors(
        "src/components/probe.tsx",
        'import type { AppRouter } from "@/trpc/types";\nexport type Probe = AppRouter;',
      ),
    ).resolves.toEqual([]);
  }, 60_000);

  it("nothing imports scripts/ (entry points); scripts/ may import tools/, packages/ and src/", async () => {
    const errors = await boundaryErrors(
      "tools/probe.ts",
      'import { USAGE } from "../scripts/db";\nexport const probe = USAGE;',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("scripts/ holds entry points only");
    await expect(
      boundaryErrors(
        "scripts/probe.ts",
        [
          'import { ROOT } from "../tools/database";',
          'import { startStripeEmulator } from "@saas/stripe-emulator";',
          'import { PLANS } from "../src/server/billing/plans";',
          "export const probe = [ROOT, startStripeEmulator, PLANS];",
        ].join("\n"),
      ),
    ).resolves.toEqual([]);
  }, 60_000);
});
