/**
 * `npm run env:check`: prints every environment variable (src/env-schema.ts), whether it is set,
 * its source (the environment, an .env file, or its default), its value with secrets masked, and
 * what is wrong; exits 1 when anything is. Judged for NODE_ENV's files (.env.production when
 * NODE_ENV=production) and APP_ENV's requirements. With DATABASE_URL unset, the values
 * `npm run dev|start` fill in (embedded database, Stripe emulator) are shown as theirs.
 *
 * `npm run env:example`: writes `.env.example` from the same list.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import {
  checkEnvironment,
  envExample,
  formatReport,
  loadEnvironment,
  withLocalRunValues,
} from "../tools/env-check";
import { runScript } from "../tools/run-script";

const ROOT = path.resolve(import.meta.dirname, "..");

runScript(async () => {
  const command = process.argv[2];
  if (command === "example") {
    writeFileSync(path.join(ROOT, ".env.example"), envExample());
    console.log("  ✓ wrote .env.example");
    return;
  }
  if (command !== "check") throw new Error("usage: tsx scripts/env.ts check|example");
  const loaded = loadEnvironment(ROOT, process.env.NODE_ENV !== "production");
  // What the app sees when started by `npm run dev|start`: they fill in the local services.
  const { raw, origins } = withLocalRunValues(loaded.raw, loaded.origins);
  const report = checkEnvironment(raw, origins);
  console.log(formatReport(report));
  if (report.errorCount > 0) process.exit(1);
});
