/**
 * The embedded PostgreSQL: PGlite (Postgres compiled to WebAssembly) served on a loopback port by
 * pglite-socket, so the app and every script talk to it over the ordinary Postgres wire protocol
 * with `pg`, exactly as they would to a real server.
 *
 * - Data lives in `.data/pglite` (git-ignored), or in memory with `EMBEDDED_DB_DIR=memory://`.
 * - One process owns the data directory and serves it on `EMBEDDED_DB_PORT` (default 54329); a
 *   second process (e.g. `npm run db:seed` while `npm run dev` runs) finds the port answering and
 *   connects to that server instead of opening the directory twice.
 * - Port 0 picks any free port and never shares (tests use it).
 */
import { existsSync, mkdirSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { embeddedUrl } from "./embedded-url";
import { EXTENSIONS } from "./extensions";
import { installProtocolSafeQueue } from "./pglite-queue";

export const DEFAULT_EMBEDDED_PORT = 54329;
export const DEFAULT_EMBEDDED_DIR = path.join(process.cwd(), ".data", "pglite");
const HOST = "127.0.0.1";
/** PGlite runs one query at a time; connections only queue. Enough for pools of several processes. */
const MAX_CONNECTIONS = 64;

/** A running (or shared) embedded database. */
export interface EmbeddedDatabase {
  /** `postgresql://` URL to give to `pg` / Prisma. */
  url: string;
  /** True when this call created a new, empty database (so it still needs migrating and seeding). */
  created: boolean;
  /** True when another process's server answered on the port and this call joined it. */
  joined: boolean;
  /** Stops the server if this process started it; a no-op when sharing another process's. */
  close(): Promise<void>;
}

/** Options of {@link startEmbeddedDatabase}. */
export interface EmbeddedDatabaseOptions {
  /** Data directory, or "memory://" for a throwaway in-memory database. */
  dataDir?: string;
  /** Loopback port; 0 = any free port (never shared). */
  port?: number;
}

/** True when something accepts TCP connections on 127.0.0.1:`port` (within 500 ms). */
export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: HOST, port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/**
 * Starts the embedded database, or joins the one another process serves on the same port.
 * @throws when the data directory cannot be opened or the port cannot be bound.
 */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions = {},
): Promise<EmbeddedDatabase> {
  const port = options.port ?? DEFAULT_EMBEDDED_PORT;
  const dataDir = options.dataDir ?? DEFAULT_EMBEDDED_DIR;
  if (port !== 0 && (await portAnswers(port))) {
    return { url: embeddedUrl(port), created: false, joined: true, close: async () => {} };
  }
  const inMemory = dataDir.startsWith("memory://");
  const created = inMemory || !existsSync(path.join(dataDir, "PG_VERSION"));
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(inMemory ? undefined : dataDir, { extensions: EXTENSIONS });
  const server = new PGLiteSocketServer({
    db: pglite,
    host: HOST,
    port,
    maxConnections: MAX_CONNECTIONS,
  });
  installProtocolSafeQueue(server, pglite);
  await server.start();
  const actualPort = Number(server.getServerConn().split(":").pop());
  return {
    url: embeddedUrl(actualPort),
    created,
    joined: false,
    async close() {
      await server.stop();
      await pglite.close();
    },
  };
}
