/**
 * The benchmark's data, written in bulk (Prisma `createMany`) into the database the app runs on:
 *
 * - 1,000 verified users `bench-0000@bench.example.com` … `bench-0999@…`;
 * - 10 workspaces `bench-00` … `bench-09` ("Bench Team 00" …) on the Team plan (an active
 *   subscription row; a workspace of 1,000 projects would not be on Free), 100 members each
 *   (the first is the owner, every tenth an admin);
 * - 1,000 projects per workspace (10,000 in all): 70 % active, 18 % paused, 12 % archived,
 *   created over the last year, owned by members; and one "project.created" audit entry each;
 * - the benchmark user `bench-0000@bench.example.com` (password {@link BENCH_PASSWORD}) owns
 *   `bench-00` and is a member of the nine others (the workspace switcher lists ten).
 *
 * Rows of an earlier run (those emails and slugs) are deleted first, so a run on a database the
 * bench owns can be repeated; nothing else is touched. Then `ANALYZE`, as autovacuum would have
 * done by the time a real database holds this much. Deterministic (fixed-seed PRNG) but for ids
 * and dates, which are relative to now.
 */
import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { ARGON2_OPTIONS } from "../../src/server/auth/argon2-options";
import { createPrismaClient } from "../../src/server/db-client";

/** The benchmark user's password (a throwaway account in a database the bench owns). */
export const BENCH_PASSWORD = "bench-password-123";

export const USERS = 1_000;
export const WORKSPACES = 10;
export const PROJECTS_PER_WORKSPACE = 1_000;
const EMAIL_DOMAIN = "bench.example.com";
const SLUG_PREFIX = "bench-";

/** What {@link seedBenchData} wrote, and whom to sign in as. */
export interface BenchData {
  email: string;
  password: string;
  /** The benchmarked workspace (the user's own). */
  workspaceSlug: string;
  workspaceName: string;
  users: number;
  workspaces: number;
  projects: number;
  /** Projects of the benchmarked workspace. */
  workspaceProjects: number;
  auditEntries: number;
  /** Time the seeding took, in ms. */
  elapsedMs: number;
}

const DAY_MS = 86_400_000;

/** mulberry32: a small seeded PRNG in [0, 1). */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Rows per `createMany`: one INSERT each. Larger calls make Prisma split them itself, in a
 * transaction whose statements it overlaps on one connection (pg warns that this is deprecated).
 */
const CHUNK_ROWS = 2_000;

/** Calls `insert` on consecutive slices of `rows`, one after the other. */
async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) await insert(rows.slice(i, i + CHUNK_ROWS));
}

/** A cuid-like id (25 characters), as the app's own rows have. */
const newId = () => `c${randomBytes(12).toString("hex")}`;
const pad = (n: number, width: number) => String(n).padStart(width, "0");

const CODENAMES = ["Apollo", "Atlas", "Beacon", "Comet", "Delta", "Ember", "Falcon", "Harbor"];
const KINDS = ["Website", "Mobile App", "Billing", "Onboarding", "Data Pipeline", "Search"];

/**
 * Deletes an earlier run's rows, writes the data described above, and analyses the tables.
 * @throws when the database refuses a statement (e.g. it is not migrated).
 */
export async function seedBenchData(databaseUrl: string, now = new Date()): Promise<BenchData> {
  const started = Date.now();
  const db = createPrismaClient({
    connectionString: databaseUrl,
    max: 4,
    connectionTimeoutMs: 10_000,
  });
  try {
    const random = prng(0xbe7c_0001);
    // Only the bench's own workspaces: `bench-` slugs owned by a bench user (a real workspace
    // named bench-press stays).
    const ours = {
      slug: { startsWith: SLUG_PREFIX },
      memberships: {
        some: { role: "owner" as const, user: { email: { endsWith: `@${EMAIL_DOMAIN}` } } },
      },
    };
    await db.auditLog.deleteMany({ where: { workspace: ours } });
    await db.workspace.deleteMany({ where: ours });
    await db.user.deleteMany({ where: { email: { endsWith: `@${EMAIL_DOMAIN}` } } });

    const [benchHash, othersHash] = await Promise.all([
      hash(BENCH_PASSWORD, ARGON2_OPTIONS),
      hash(randomBytes(16).toString("hex"), ARGON2_OPTIONS),
    ]);
    const users = Array.from({ length: USERS }, (_, i) => ({
      id: newId(),
      email: `bench-${pad(i, 4)}@${EMAIL_DOMAIN}`,
      name: `Bench User ${pad(i, 4)}`,
      passwordHash: i === 0 ? benchHash : othersHash,
      emailVerifiedAt: new Date(now.getTime() - 400 * DAY_MS),
      createdAt: new Date(now.getTime() - 400 * DAY_MS),
    }));
    await inChunks(users, (data) => db.user.createMany({ data }));

    const workspaces = Array.from({ length: WORKSPACES }, (_, w) => ({
      id: newId(),
      name: `Bench Team ${pad(w, 2)}`,
      slug: `${SLUG_PREFIX}${pad(w, 2)}`,
      stripeCustomerId: `cus_bench_${newId()}`,
    }));
    await db.workspace.createMany({ data: workspaces });

    const perTeam = USERS / WORKSPACES;
    const memberships = workspaces.flatMap((workspace, w) => {
      const team = users.slice(w * perTeam, (w + 1) * perTeam).map((user, i) => ({
        workspaceId: workspace.id,
        userId: user.id,
        role:
          i === 0 ? ("owner" as const) : i % 10 === 0 ? ("admin" as const) : ("member" as const),
      }));
      // The benchmark user (users[0], owner of the first) is a member of every other one too.
      return w === 0
        ? team
        : [...team, { workspaceId: workspace.id, userId: users[0]!.id, role: "member" as const }];
    });
    await inChunks(memberships, (data) => db.membership.createMany({ data }));

    await db.subscription.createMany({
      data: workspaces.map((workspace) => ({
        workspaceId: workspace.id,
        stripeSubscriptionId: `sub_bench_${newId()}`,
        stripeCustomerId: workspace.stripeCustomerId,
        status: "active",
        planSlug: "team",
        stripePriceId: "price_team_monthly",
        interval: "month",
        quantity: perTeam + 1,
        currentPeriodEnd: new Date(now.getTime() + 20 * DAY_MS),
        stripeCreatedAt: new Date(now.getTime() - 300 * DAY_MS),
      })),
    });

    const projects = workspaces.flatMap((workspace, w) =>
      Array.from({ length: PROJECTS_PER_WORKSPACE }, (_, i) => {
        const roll = random();
        const createdAt = new Date(now.getTime() - Math.floor(random() * 365 * DAY_MS));
        const updatedAt = new Date(
          createdAt.getTime() + Math.floor(random() * (now.getTime() - createdAt.getTime())),
        );
        const owner = users[w * perTeam + Math.floor(random() * perTeam)]!;
        const kind = KINDS[i % KINDS.length]!;
        return {
          id: newId(),
          workspaceId: workspace.id,
          name: `${CODENAMES[Math.floor(random() * CODENAMES.length)]} ${kind} ${pad(i, 4)}`,
          description: `${kind} work stream number ${i} of ${workspace.name}.`,
          status:
            roll < 0.7
              ? ("active" as const)
              : roll < 0.88
                ? ("paused" as const)
                : ("archived" as const),
          ownerId: owner.id,
          createdAt,
          updatedAt,
        };
      }),
    );
    await inChunks(projects, (data) => db.project.createMany({ data }));
    const auditEntries = projects.map((project) => ({
      workspaceId: project.workspaceId,
      actorId: project.ownerId,
      action: "project.created",
      targetType: "project",
      targetId: project.id,
      metadata: { name: project.name },
      createdAt: project.createdAt,
    }));
    await inChunks(auditEntries, (data) => db.auditLog.createMany({ data }));
    await db.$executeRawUnsafe("ANALYZE");

    return {
      email: users[0]!.email,
      password: BENCH_PASSWORD,
      workspaceSlug: workspaces[0]!.slug,
      workspaceName: workspaces[0]!.name,
      users: users.length,
      workspaces: workspaces.length,
      projects: projects.length,
      workspaceProjects: PROJECTS_PER_WORKSPACE,
      auditEntries: projects.length,
      elapsedMs: Date.now() - started,
    };
  } finally {
    await db.$disconnect();
  }
}
