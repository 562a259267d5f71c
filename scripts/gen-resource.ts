/**
 * `npm run gen:resource -- <noun> [--plural <plural>]`: writes a workspace resource after the
 * projects example (tools/gen-resource/), then regenerates the Prisma client. The README's
 * "Adding a resource" lists the files it writes and edits.
 */
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { generateResource } from "../tools/gen-resource/generate";
import { resourceNames } from "../tools/gen-resource/names";
import { runScript } from "../tools/run-script";

runScript(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { plural: { type: "string" } },
  });
  if (positionals.length > 1) throw new Error("noun: give one noun (e.g. note).");
  const names = resourceNames({ noun: positionals[0] ?? "", plural: values.plural });
  const { written, edited } = await generateResource(process.cwd(), names);
  console.log(
    `✔ ${names.Plural}: wrote\n  ${written.join("\n  ")}\nedited\n  ${edited.join("\n  ")}`,
  );
  execFileSync("npx", ["prisma", "generate"], { stdio: "inherit" });
  console.log("Next: npm run db:migrate (dev database), then npm run typecheck and the new tests.");
});
