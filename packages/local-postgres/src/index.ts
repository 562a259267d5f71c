/**
 * `@saas/local-postgres`: PostgreSQL on a developer's machine with nothing installed. The
 * embedded server (PGlite served on a loopback port by pglite-socket, embedded-db.ts, with the
 * protocol-safe query queue of pglite-queue.ts) and its URL. The offline migrator is
 * `@saas/local-postgres/migrate`; `@saas/local-postgres/url` gives the URL without loading PGlite.
 */
export {
  DEFAULT_EMBEDDED_DIR,
  DEFAULT_EMBEDDED_PORT,
  type EmbeddedDatabase,
  type EmbeddedDatabaseOptions,
  startEmbeddedDatabase,
} from "./embedded-db";
export { embeddedUrl } from "./embedded-url";
