/**
 * The projects list's first page through a plain `pg.Pool`, for `npm run bench` only
 * (`/api/bench/projects?driver=pg`): the same two SQL statements Prisma sends for
 * `listProjects` (captured from Prisma's query events: the page, then the owners by id), so the
 * benchmark compares Prisma with raw `pg` and nothing else. Same result shape as `listProjects`.
 *
 * The pool is opened on first use (never by a server that does not run the benchmark), against
 * `DATABASE_URL`, with the app pool's size and connection timeout.
 */
import "server-only";
import pg from "pg";
import type { z } from "zod";
import type { listProjectsInput } from "@/schemas/project";
import { env } from "@/env";
import { DomainError } from "@/server/errors";
import { keysetPage } from "@/server/pagination";
import { projectOrder } from "@/server/services/projects";
import type { WorkspaceScope } from "@/server/services/workspaces";

type ListInput = Omit<z.output<typeof listProjectsInput>, "workspaceSlug">;

/** `timestamp without time zone`: Prisma stores UTC there, so it is read as UTC (pg: local time). */
const TIMESTAMP_OID = 1114;

let pool: pg.Pool | undefined;

/** The benchmark's pool, opened on first use. */
function benchPool(): pg.Pool {
  pool ??= new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_MAX,
    connectionTimeoutMillis: env.DATABASE_CONNECTION_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === TIMESTAMP_OID
          ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  return pool;
}

/** Closes the pool if it was opened (tests). */
export async function closeBenchPool(): Promise<void> {
  const open = pool;
  pool = undefined;
  await open?.end();
}

/** Sort columns, by sort key: only these identifiers ever reach the SQL text. */
const SORT_COLUMNS = {
  updatedAt: `"public"."Project"."updatedAt"`,
  createdAt: `"public"."Project"."createdAt"`,
  name: `"public"."Project"."name"`,
} as const;

interface ProjectRow {
  id: string;
  name: string;
  description: string;
  status: "active" | "paused" | "archived";
  createdAt: Date;
  updatedAt: Date;
  ownerId: string | null;
}

/**
 * The first page of the scope's projects, as `listProjects` returns it (`{ items, nextCursor }`),
 * for the input the projects page sends (status filter, sort, direction, page size).
 * @throws DomainError BAD_REQUEST for a search (`q`) or a `cursor`, which this path leaves out.
 */
export async function listProjectsWithPg(scope: WorkspaceScope, input: ListInput) {
  if (input.q || input.cursor) {
    throw new DomainError("BAD_REQUEST", "driver=pg serves the first page, without a search.");
  }
  const { sort, dir, limit } = input;
  const order = dir === "desc" ? "DESC" : "ASC";
  const status = input.status ? "=" : "<>";
  const page = await benchPool().query<ProjectRow>(
    `SELECT "public"."Project"."id", "public"."Project"."name", "public"."Project"."description", ` +
      `"public"."Project"."status"::text, "public"."Project"."createdAt", ` +
      `"public"."Project"."updatedAt", "public"."Project"."ownerId" FROM "public"."Project" ` +
      `WHERE ("public"."Project"."workspaceId" = $1 AND "public"."Project"."status" ${status} ` +
      `CAST($2::text AS "public"."ProjectStatus")) ` +
      `ORDER BY ${SORT_COLUMNS[sort]} ${order}, "public"."Project"."id" ${order} LIMIT $3 OFFSET $4`,
    [scope.workspace.id, input.status ?? "archived", limit + 1, 0],
  );
  // As Prisma does: one parameter per row (nulls and repeats included), or IN (NULL) for none.
  const ownerIds = page.rows.map((row) => row.ownerId);
  const placeholders = ownerIds.map((_, i) => `$${i + 1}`).join(",") || "NULL";
  const owners = await benchPool().query<{ id: string; name: string }>(
    `SELECT "public"."User"."id", "public"."User"."name" FROM "public"."User" ` +
      `WHERE "public"."User"."id" IN (${placeholders}) OFFSET $${ownerIds.length + 1}`,
    [...ownerIds, 0],
  );
  const ownerById = new Map(owners.rows.map((owner) => [owner.id, owner]));
  const rows = page.rows.map(({ ownerId, ...project }) => ({
    ...project,
    owner: (ownerId && ownerById.get(ownerId)) || null,
  }));
  return keysetPage(rows, projectOrder(sort, dir), limit);
}
