/** Emptying a database (`npm run db:reset`). */
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";
import { withConnectRetry } from "./pools";

/**
 * Empties a database: `DROP SCHEMA <schema> CASCADE; CREATE SCHEMA <schema>` (default
 * `public`), which also removes `_prisma_migrations`. Uses a single plain pg connection.
 */
export async function resetDatabase(connectionString: string, schema = "public"): Promise<void> {
  const client = await withConnectRetry(async () => {
    const c = new pg.Client(parseIntoClientConfig(connectionString));
    c.on("error", () => undefined);
    await c.connect();
    return c;
  });
  try {
    const quoted = `"${schema.replaceAll('"', '""')}"`;
    await client.query(`DROP SCHEMA IF EXISTS ${quoted} CASCADE; CREATE SCHEMA ${quoted};`);
  } finally {
    await client.end();
  }
}
