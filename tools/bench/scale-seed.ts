/**
 * The data of `npm run bench -- --scale 1m`, written with set-based SQL (`generate_series`, one
 * INSERT … SELECT per table) into a PostgreSQL database the bench owns:
 *
 * | size  | users   | workspaces | projects  | audit entries |
 * | ----- | ------- | ---------- | --------- | ------------- |
 * | `10k` | 1,000   | 10         | 10,000    | 10,000        |
 * | `1m`  | 100,000 | 1,000      | 1,000,000 | 1,000,000     |
 *
 * The data grows as a SaaS grows, by tenants: every workspace has 100 members and 1,000
 * projects (70 % active, 18 % paused, 12 % archived, created over the last year), one
 * "project.created" audit entry each, and a Team subscription. The measured user
 * (`scale-000000@scale.example.com`) owns the first workspace (`scale-0000`). So a query scoped by
 * the workspace must cost the same at both sizes, and one over every row (the admin user search)
 * shows what 100 × the rows cost.
 *
 * The tables are emptied first (TRUNCATE … CASCADE): {@link assertBenchDatabase} refuses any
 * database whose name does not contain "bench". Then `VACUUM ANALYZE`.
 */
import pg from "pg";

export const SCALE_SIZES = {
  "10k": { users: 1_000, workspaces: 10 },
  "1m": { users: 100_000, workspaces: 1_000 },
} as const;
export type ScaleSize = keyof typeof SCALE_SIZES;

/** Members and projects of every workspace, whatever the size. */
export const MEMBERS_PER_WORKSPACE = 100;
export const PROJECTS_PER_WORKSPACE = 1_000;

/** The measured user's email and workspace slug. */
export const SCALE_EMAIL = "scale-000000@scale.example.com";
export const SCALE_SLUG = "scale-0000";

/** What {@link seedScale} wrote. Times in ms. */
export interface ScaleData {
  size: ScaleSize;
  users: number;
  workspaces: number;
  projects: number;
  auditEntries: number;
  elapsedMs: number;
}

/**
 * @throws Error unless `databaseUrl` names a database whose name contains "bench" (the seed
 *   empties its tables).
 */
export function assertBenchDatabase(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!/bench/i.test(name)) {
    throw new Error(
      `--scale empties the tables of DATABASE_URL's database ("${name}"): use one whose name ` +
        `contains "bench", e.g. postgres://postgres@127.0.0.1:5432/saas_bench_scale`,
    );
  }
  return name;
}

/** Creates `databaseUrl`'s database on its server when it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const name = assertBenchDatabase(databaseUrl);
  const admin = new URL(databaseUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Empties the app's tables of `databaseUrl` (it must be migrated) and writes the data of `size`.
 * @throws Error from {@link assertBenchDatabase}, or when PostgreSQL refuses a statement.
 */
export async function seedScale(databaseUrl: string, size: ScaleSize): Promise<ScaleData> {
  assertBenchDatabase(databaseUrl);
  const started = Date.now();
  const { users, workspaces } = SCALE_SIZES[size];
  const projects = workspaces * PROJECTS_PER_WORKSPACE;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `TRUNCATE "AuditLog", "Project", "Subscription", "Membership", "Invitation", "Session",
         "Workspace", "User" CASCADE`,
    );
    // Ids are fixed-width text, so (createdAt, id) orders are deterministic. No one signs in as
    // these users: the password hash is a placeholder.
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "emailVerifiedAt", "createdAt", "updatedAt")
       SELECT 'u' || lpad(i::text, 6, '0'),
              'scale-' || lpad(i::text, 6, '0') || '@scale.example.com',
              'Scale User ' || lpad(i::text, 6, '0'),
              '$argon2id$placeholder',
              now() - interval '400 days',
              now() - interval '400 days' + (i * interval '5 minutes'),
              now()
       FROM generate_series(0, $1 - 1) AS i`,
      [users],
    );
    await client.query(
      `INSERT INTO "Workspace" (id, name, slug, "stripeCustomerId", "createdAt", "updatedAt")
       SELECT 'w' || lpad(w::text, 4, '0'), 'Scale Team ' || lpad(w::text, 4, '0'),
              'scale-' || lpad(w::text, 4, '0'), 'cus_scale_' || w, now() - interval '390 days', now()
       FROM generate_series(0, $1 - 1) AS w`,
      [workspaces],
    );
    // User i is in workspace i / 100: the first of each hundred owns it, every tenth is an admin.
    await client.query(
      `INSERT INTO "Membership" (id, "workspaceId", "userId", role, "createdAt", "updatedAt")
       SELECT 'm' || lpad(i::text, 6, '0'), 'w' || lpad((i / $2)::text, 4, '0'),
              'u' || lpad(i::text, 6, '0'),
              (CASE WHEN i % $2 = 0 THEN 'owner' WHEN i % 10 = 0 THEN 'admin' ELSE 'member' END)::"Role",
              now() - interval '390 days', now()
       FROM generate_series(0, $1 - 1) AS i`,
      [users, MEMBERS_PER_WORKSPACE],
    );
    await client.query(
      `INSERT INTO "Subscription" (id, "workspaceId", "stripeSubscriptionId", "stripeCustomerId",
         status, "planSlug", "stripePriceId", interval, quantity, "currentPeriodEnd", "stripeCreatedAt")
       SELECT 's' || w, 'w' || lpad(w::text, 4, '0'), 'sub_scale_' || w, 'cus_scale_' || w,
              'active', 'team', 'price_team_monthly', 'month', $2, now() + interval '20 days',
              now() - interval '300 days'
       FROM generate_series(0, $1 - 1) AS w`,
      [workspaces, MEMBERS_PER_WORKSPACE],
    );
    // Project p belongs to workspace p / 1000, owned by one of its members; created over the
    // last year, updated since. hashtext gives a fixed pseudo-random number per row.
    await client.query(
      `INSERT INTO "Project" (id, "workspaceId", name, description, status, "ownerId", "createdAt", "updatedAt")
       SELECT 'p' || lpad(p::text, 7, '0'), 'w' || lpad((p / $2)::text, 4, '0'),
              (ARRAY['Apollo','Atlas','Beacon','Comet','Delta','Ember','Falcon','Harbor'])[1 + abs(hashtext('n' || p)) % 8]
                || ' ' || (ARRAY['Website','Mobile App','Billing','Onboarding','Data Pipeline','Search'])[1 + p % 6]
                || ' ' || lpad((p % $2)::text, 4, '0'),
              'Work stream number ' || p % $2 || '.',
              (CASE WHEN r < 70 THEN 'active' WHEN r < 88 THEN 'paused' ELSE 'archived' END)::"ProjectStatus",
              'u' || lpad(((p / $2) * $3 + abs(hashtext('o' || p)) % $3)::text, 6, '0'),
              created, created + (now() - created) * (abs(hashtext('u' || p)) % 1000) / 1000.0
       FROM generate_series(0, $1 - 1) AS p,
            LATERAL (SELECT abs(hashtext('r' || p)) % 100 AS r,
                            now() - (abs(hashtext('c' || p)) % 31536000) * interval '1 second' AS created) x`,
      [projects, PROJECTS_PER_WORKSPACE, MEMBERS_PER_WORKSPACE],
    );
    await client.query(
      `INSERT INTO "AuditLog" (id, "workspaceId", "actorId", action, "targetType", "targetId", metadata, "createdAt")
       SELECT 'a' || substr(id, 2), "workspaceId", "ownerId", 'project.created', 'project', id,
              jsonb_build_object('name', name), "createdAt"
       FROM "Project"`,
    );
    // What autovacuum would have done by the time a database holds this much (the visibility
    // map lets counts be index-only).
    await client.query("VACUUM ANALYZE");
    return {
      size,
      users,
      workspaces,
      projects,
      auditEntries: projects,
      elapsedMs: Date.now() - started,
    };
  } finally {
    await client.end();
  }
}
