/**
 * The PostgreSQL extensions the app's migrations create (`CREATE EXTENSION`), loaded into every
 * PGlite that opens the embedded database: a real server ships them as contrib modules, PGlite
 * only has those it is given at start.
 *
 * - `pg_trgm`: trigram GIN indexes, so the admin user search (ILIKE '%q%' on email and name)
 *   reads the matching rows instead of every user.
 */
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

export const EXTENSIONS = { pg_trgm };
