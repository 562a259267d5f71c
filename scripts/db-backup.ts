/**
 * Backups of `DATABASE_URL`'s database, or of the embedded database when it is unset
 * (logic in tools/backup.ts):
 *
 *   npm run db:backup [-- <file>]             pg_dump custom format / embedded data-directory tarball
 *                                             (default .data/backups/<name>-<UTC time>.dump|.tar.gz)
 *   npm run db:restore -- <file> [--force]    restore it (asks first on a server; --force without a terminal)
 *
 * The embedded database must not be served while this runs (stop `npm run dev` / `db:serve`).
 */
import { parseArgs } from "node:util";
import {
  backupDatabase,
  backupTargetFromEnv,
  defaultBackupFile,
  restoreDatabase,
} from "../tools/backup";
import { confirmOverwrite } from "../tools/database";
import { runScript } from "../tools/run-script";

const USAGE = "usage: tsx scripts/db-backup.ts backup [<file>] | restore <file> [--force]";

let databaseUrl: string | undefined;

runScript(
  async () => {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      options: { force: { type: "boolean" } },
    });
    const [command, file, ...extra] = positionals;
    if (extra.length > 0 || (command !== "backup" && command !== "restore")) throw new Error(USAGE);
    const target = backupTargetFromEnv();
    if (target.kind === "server") databaseUrl = target.url;
    const where = target.kind === "server" ? new URL(target.url).host : "the embedded database";

    if (command === "backup") {
      const out = file ?? defaultBackupFile(target);
      const bytes = await backupDatabase(target, out);
      console.log(`  ✓ backed up ${where} to ${out} (${(bytes / 1024).toFixed(1)} KiB)`);
      return;
    }
    if (!file) throw new Error("db:restore needs the backup file: npm run db:restore -- <file>");
    if (target.kind === "server") {
      await confirmOverwrite(
        target.url,
        "db:restore replaces the tables of",
        values.force === true,
      );
    }
    await restoreDatabase(target, file);
    console.log(`  ✓ restored ${file} into ${where}`);
  },
  () => databaseUrl,
);
