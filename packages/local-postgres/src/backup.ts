/**
 * Backups of the embedded database: a gzipped tarball of PGlite's data directory.
 *
 * Why not `pg_dump`: PGlite 0.5 is PostgreSQL 18, and `pg_dump` refuses servers newer than
 * itself (Debian 12 ships 15: "aborting because of server version mismatch"); pglite-tools' WASM
 * `pg_dump` pins another PGlite release. `PGlite.dumpDataDir` copies the directory while holding
 * PGlite's query lock, after a `CHECKPOINT`, so the copy is one consistent point in time, and
 * `loadDataDir` opens it as it was. The price: a backup is taken and restored by the one process
 * that owns the directory, so the database must not be served by another process at that moment
 * (`npm run dev`, `npm run db:serve`); both functions refuse, naming the port, when it is.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { portAnswers } from "./embedded-db";
import { EXTENSIONS } from "./extensions";

/** First bytes of a gzip stream (RFC 1952): how a restore tells an embedded backup apart. */
const GZIP_MAGIC = [0x1f, 0x8b];

/** Where the embedded database lives, and the port it is served on when running. */
export interface EmbeddedLocation {
  /** Its data directory (not "memory://": an in-memory database has nothing to back up). */
  dataDir: string;
  /** The loopback port a running server would answer on (checked to refuse a live database). */
  port: number;
}

/** True when `bytes` start like a gzip file, i.e. like a backup of {@link backupEmbeddedDatabase}. */
export function isEmbeddedBackup(bytes: Uint8Array): boolean {
  return bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/** @throws Error when the location is in memory or its server is running in another process. */
async function assertOffline({ dataDir, port }: EmbeddedLocation): Promise<void> {
  if (dataDir.startsWith("memory://")) {
    throw new Error("EMBEDDED_DB_DIR is memory://: an in-memory database has no data to back up");
  }
  if (port !== 0 && (await portAnswers(port))) {
    throw new Error(
      `the embedded database is being served on port ${port} (npm run dev, start or db:serve): ` +
        "stop that process first, a backup or restore needs the data directory to itself",
    );
  }
}

/**
 * Writes a consistent gzipped tarball of the embedded database's data directory to `file`
 * (parent folders created). Returns its size in bytes.
 * @throws Error when the directory holds no database, is in memory, or is served by another
 *   process (see the module comment).
 */
export async function backupEmbeddedDatabase(
  location: EmbeddedLocation,
  file: string,
): Promise<{ bytes: number }> {
  await assertOffline(location);
  if (!existsSync(path.join(location.dataDir, "PG_VERSION"))) {
    throw new Error(`no embedded database in ${location.dataDir} (run npm run db:migrate first)`);
  }
  const pglite = await PGlite.create(location.dataDir, { extensions: EXTENSIONS });
  try {
    await pglite.exec("CHECKPOINT"); // a clean copy: no WAL replay needed when it is opened
    const tarball = new Uint8Array(await (await pglite.dumpDataDir("gzip")).arrayBuffer());
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFile(file, tarball);
    return { bytes: tarball.byteLength };
  } finally {
    await pglite.close();
  }
}

/**
 * Replaces the embedded database's data directory with the backup in `file`. The backup is
 * opened in a new directory first; only once that succeeded does it take the old one's place
 * (the old one is then deleted), so a bad file leaves the current database as it was.
 * @throws Error when `file` is not a backup of {@link backupEmbeddedDatabase}, the location is
 *   in memory, or the database is served by another process.
 */
export async function restoreEmbeddedDatabase(
  location: EmbeddedLocation,
  file: string,
): Promise<void> {
  await assertOffline(location);
  const bytes = await readFile(file);
  if (!isEmbeddedBackup(bytes)) {
    throw new Error(`${file} is not a backup of the embedded database (a .tar.gz of db:backup)`);
  }
  const dataDir = path.resolve(location.dataDir);
  const staging = `${dataDir}.restoring`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(path.dirname(dataDir), { recursive: true });
  const pglite = await PGlite.create(staging, {
    loadDataDir: new Blob([bytes]),
    extensions: EXTENSIONS,
  });
  try {
    await pglite.query("SELECT 1"); // opened and answering: the tarball is a database
  } finally {
    await pglite.close();
  }
  // Swap by renames, so no moment leaves neither database in place.
  const previous = `${dataDir}.previous`;
  await rm(previous, { recursive: true, force: true });
  if (existsSync(dataDir)) await rename(dataDir, previous);
  await rename(staging, dataDir);
  await rm(previous, { recursive: true, force: true });
}
