/**
 * The URL of the embedded database served on 127.0.0.1:`port` (embedded-db.ts), for
 * processes that connect to it without loading PGlite (the bench, the e2e cluster).
 */
export function embeddedUrl(port: number): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}
