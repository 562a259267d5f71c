/**
 * `npm run db:migrations:check`: fails when a migration the previous release did not ship would
 * break that release during a rolling deploy (rules and override: tools/migration-safety.ts).
 *
 *   npm run db:migrations:check                 check the migrations after prisma/migrations/.released
 *   npm run db:migrations:check -- --release    after a deploy: mark the newest migration released
 */
import { parseArgs } from "node:util";
import { readMigrations } from "@saas/local-postgres/migrate";
import { MIGRATIONS_DIR } from "../prisma/paths";
import {
  checkMigrations,
  readReleasedMarker,
  RELEASED_MARKER,
  writeReleasedMarker,
} from "../tools/migration-safety";
import { runScript } from "../tools/run-script";

runScript(async () => {
  const { values } = parseArgs({ options: { release: { type: "boolean" } } });
  const list = await readMigrations(MIGRATIONS_DIR);
  const migrations = list.migrationDirectories.map(({ path: name, migrationFile }) => ({
    name,
    sql: migrationFile.content.tag === "ok" ? migrationFile.content.value : "",
  }));
  const newest = migrations.at(-1)?.name;

  if (values.release) {
    if (!newest) throw new Error("no migrations to mark released");
    await writeReleasedMarker(MIGRATIONS_DIR, newest);
    console.log(`  ✓ ${RELEASED_MARKER}: ${newest} and every migration before it are released`);
    return;
  }

  const marker = await readReleasedMarker(MIGRATIONS_DIR);
  if (marker && !migrations.some((m) => m.name === marker)) {
    throw new Error(
      `prisma/migrations/${RELEASED_MARKER} names ${marker}, which is not a migration`,
    );
  }
  const released = (name: string) => marker !== null && name <= marker;
  const checked = migrations.filter((m) => !released(m.name));
  const findings = await checkMigrations(migrations, released);
  for (const f of findings) {
    const where = `prisma/migrations/${f.migration}/migration.sql:${f.line}`;
    if (f.allowedBecause) console.log(`  ~ ${where} [${f.rule}] allowed: ${f.allowedBecause}`);
    else console.error(`  ✖ ${where} [${f.rule}] ${f.message}`);
  }
  const failed = findings.filter((f) => !f.allowedBecause).length;
  if (failed > 0) {
    throw new Error(
      `${failed} unsafe statement(s) for a rolling deploy: split the change into expand and ` +
        "contract releases (README), or explain a reviewed exception above the statement with " +
        "`-- safe-migration: <reason>`",
    );
  }
  const scope = marker ? `after ${marker}` : `(no ${RELEASED_MARKER}: all of them)`;
  console.log(`  ✓ ${checked.length} migration(s) ${scope} safe for a rolling deploy`);
});
