/**
 * Completes the `output: "standalone"` build (`npm run build` runs it after `next build`): Next
 * copies only the server's traced files into `.next/standalone`, and leaves `public/` and the
 * browser assets in `.next/static` for a CDN. Served by the app itself, they are copied in, so
 * `.next/standalone` alone is the deployable app (https://nextjs.org/docs/app/api-reference/config/next-config-js/output).
 * @throws when the build has no `.next/standalone` (a build without `output: "standalone"`).
 */
import { cpSync, existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const standalone = path.join(root, ".next/standalone");
if (!existsSync(path.join(standalone, "server.js"))) {
  throw new Error(`${standalone}/server.js is missing: is output: "standalone" set?`);
}
for (const [from, to] of [
  ["public", "public"],
  [".next/static", ".next/static"],
  // The migrations this build ships: /api/health/ready checks the database has them all.
  ["prisma/migrations", "prisma/migrations"],
] as const) {
  const target = path.join(standalone, to);
  rmSync(target, { recursive: true, force: true });
  if (existsSync(path.join(root, from))) cpSync(path.join(root, from), target, { recursive: true });
}
// Next copies the project's .env files in; the deployable directory carries no local secrets
// (`npm start` has read them already, tools/database.ts; a deployment sets its variables).
for (const file of readdirSync(standalone)) {
  if (file.startsWith(".env")) rmSync(path.join(standalone, file));
}
console.log(
  "  ✓ .next/standalone has public/, .next/static and prisma/migrations: `npm start` serves it",
);
