/**
 * Demo data for a developer's database (written by prisma/seed.ts): the workspace "Acme Inc"
 * (slug `acme-demo`) with four verified users sharing {@link DEMO_PASSWORD}, 40 projects and 90
 * days of activity (audit log entries), so the dashboard, the project list and the activity log
 * have something to show.
 *
 * Deterministic: names, statuses, owners, actions and actors come from fixed-seed PRNGs, so every
 * run generates the same data; dates are placed relative to the day it runs (`now`).
 *
 * Idempotent, in one transaction: users are upserted by email (their name, verification and
 * password are reset to the demo ones), the workspace by slug, memberships by (workspace, user)
 * with the demo roles (other members of the demo workspace are removed); the workspace's projects
 * and audit entries are deleted and re-created.
 */
import { hash } from "@node-rs/argon2";
import type { Prisma, PrismaClient } from "../src/generated/prisma/client";
import { ARGON2_OPTIONS } from "../src/server/auth/argon2-options";
import { seedDemoPosts } from "./demo-posts";

type Role = "owner" | "admin" | "member";
type Status = "active" | "paused" | "archived";

/** The demo accounts' shared password. A local demo account: `npm run db:seed` prints it. */
export const DEMO_PASSWORD = "demo-password-123";

export const DEMO_WORKSPACE = { name: "Acme Inc", slug: "acme-demo" } as const;

/** The demo users, the owner first (the demo login). */
export const DEMO_USERS = [
  { email: "demo@example.com", name: "Dana Demo", role: "owner" },
  { email: "alex@example.com", name: "Alex Admin", role: "admin" },
  { email: "mia@example.com", name: "Mia Member", role: "member" },
  { email: "sam@example.com", name: "Sam Support", role: "member" },
] as const satisfies readonly { email: string; name: string; role: Role }[];

/**
 * A demo operator of the SaaS (`isAdmin`: the /admin console), in no workspace. In a real
 * deployment staff are granted with `npm run admin:grant`; the seed refuses to run in production.
 */
export const DEMO_STAFF = { email: "staff@example.com", name: "Stan Staff" } as const;

export const DEMO_PROJECT_COUNT = 40;

/** Days of activity, today included. */
export const DEMO_ACTIVITY_DAYS = 90;

/** What {@link seedDemo} wrote. */
export interface DemoSummary {
  email: string;
  password: string;
  workspaceSlug: string;
  projects: number;
  activity: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const CODENAMES = [
  "Apollo", "Atlas", "Beacon", "Comet", "Delta", "Ember", "Falcon", "Granite", "Harbor",
  "Horizon", "Juniper", "Keystone", "Lumen", "Meridian", "Nimbus", "Orbit", "Pioneer", "Quartz",
  "Redwood", "Summit", "Tidal", "Vertex", "Willow", "Zephyr",
]; // prettier-ignore

const WORKSTREAMS = [
  ["Website Redesign", "New marketing site: navigation, pricing page and blog templates."],
  ["Mobile App", "iOS and Android app for customers on the go."],
  ["Billing Migration", "Move invoices and payment methods to the new billing provider."],
  ["Onboarding Flow", "Shorten the sign-up to first value: checklist and sample data."],
  ["Data Pipeline", "Nightly ingestion of product events into the warehouse."],
  ["Design System", "Shared components, tokens and documentation for every team."],
  ["API Gateway", "Rate limiting, auth and request logging in front of the public API."],
  ["Analytics Dashboard", "Usage charts and weekly reports for workspace admins."],
  ["Customer Portal", "Self-service invoices, seats and support tickets."],
  ["Search Revamp", "Faster, typo-tolerant search across projects and docs."],
  ["Launch Plan", "Checklist, announcement and rollout schedule for the next release."],
  ["Support Bot", "Answer common questions from the help center before a human steps in."],
  ["Infra Upgrade", "Database and runtime upgrades, with a tested rollback plan."],
  ["Docs Site", "Guides, API reference and changelog in one place."],
  ["Pricing Experiment", "Test annual discounts and a usage-based add-on."],
] as const;

const INVITEES = [
  "jordan.lee", "priya.shah", "tom.becker", "lina.okafor", "chen.wei", "sofia.rossi",
  "noah.kim", "emma.dubois", "lucas.silva", "aisha.khan", "olivia.brown", "mateo.garcia",
].map((name) => `${name}@example.org`); // prettier-ignore

/** A small seeded PRNG (mulberry32), so reruns generate the same data. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  /** One of `options`, each as likely as its weight. */
  const weighted = <T>(options: readonly (readonly [T, number])[]): T => {
    let roll = next() * options.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of options) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return options.at(-1)![0];
  };
  return { next, int, pick, weighted };
}
type Random = ReturnType<typeof prng>;

interface PlannedProject {
  name: string;
  description: string;
  status: Status;
  /** Index in DEMO_USERS. */
  owner: number;
  createdAt: Date;
  updatedAt: Date;
}

type Target = { project: number } | { user: number } | { invitation: string };

interface PlannedEntry {
  at: Date;
  /** Index in DEMO_USERS. */
  actor: number;
  action: string;
  target: Target;
  metadata: Prisma.InputJsonObject;
}

/**
 * When things happened, oldest first: every day of the last {@link DEMO_ACTIVITY_DAYS}, 4–15
 * entries on weekdays and 1–3 on weekends, in working hours (08:00–19:00 UTC); today's between
 * midnight and `now`, so none is in the future.
 */
function activityTimes(random: Random, now: Date): Date[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const times: number[] = [];
  for (let daysAgo = DEMO_ACTIVITY_DAYS - 1; daysAgo >= 0; daysAgo--) {
    const day = today - daysAgo * DAY_MS;
    const weekend = [0, 6].includes(new Date(day).getUTCDay());
    const count = weekend ? random.int(1, 3) : random.int(4, 15);
    for (let i = 0; i < count; i++) {
      const offset =
        daysAgo === 0 ? random.next() * (now.getTime() - day) : (8 + random.next() * 11) * HOUR_MS;
      times.push(Math.floor(day + offset));
    }
  }
  return times.sort((a, b) => a - b).map((time) => new Date(time));
}

/** The demo projects (unique names, mostly active, owners weighted toward Dana and Alex). */
function planProjectFacts(random: Random) {
  const names = new Set<string>();
  const projects: Omit<PlannedProject, "createdAt" | "updatedAt">[] = [];
  while (projects.length < DEMO_PROJECT_COUNT) {
    const [workstream, description] = random.pick(WORKSTREAMS);
    const name = `${random.pick(CODENAMES)} ${workstream}`;
    if (names.has(name)) continue;
    names.add(name);
    const status = random.weighted<Status>([
      ["active", 70],
      ["paused", 18],
      ["archived", 12],
    ]);
    const owner = random.weighted([
      [0, 30],
      [1, 30],
      [2, 25],
      [3, 15],
    ]);
    projects.push({ name, description, status, owner });
  }
  return projects;
}

/**
 * The demo projects and their history: each project's "project.created" entry by its owner, one
 * status change for each paused ("project.updated") or archived ("project.archived") project,
 * and in every other time slot an edit of an existing project, an invitation or a role change.
 */
export function planDemo(now: Date): { projects: PlannedProject[]; entries: PlannedEntry[] } {
  const facts = planProjectFacts(prng(0xac3e_0001));
  const random = prng(0xac3e_0002);
  const times = activityTimes(random, now);
  const slots: (PlannedEntry | undefined)[] = times.map(() => undefined);

  // Creations spread over the first 85% of the slots, a status change in a later free slot.
  const span = Math.floor(times.length * 0.85);
  const created = facts.map((_, i) => Math.floor(((i + random.next()) * span) / facts.length));
  const statusChanged = new Map<number, number>();
  facts.forEach((project, i) => {
    slots[created[i]!] = {
      at: times[created[i]!]!,
      actor: project.owner,
      action: "project.created",
      target: { project: i },
      metadata: { name: project.name },
    };
  });
  facts.forEach((project, i) => {
    if (project.status === "active") return;
    const first = created[i]! + 1;
    const start = random.int(first, times.length - 1);
    for (let k = 0; k < times.length - first; k++) {
      const slot = first + ((start - first + k) % (times.length - first));
      if (slots[slot]) continue;
      statusChanged.set(i, slot);
      slots[slot] = {
        at: times[slot]!,
        actor: random.pick([project.owner, 0, 1]),
        action: project.status === "archived" ? "project.archived" : "project.updated",
        target: { project: i },
        metadata: { name: project.name, changed: ["status"] },
      };
      break;
    }
  });

  // Role changes toggle admin ⇄ member from today's roles; a member left off their role drops
  // their last change, so the history ends at the roles the memberships have.
  const roles: Role[] = DEMO_USERS.map((user) => user.role);
  const lastRoleChange = new Map<number, number>();
  /** Who manages members: the owner, or Alex while an admin (never about themselves). */
  const manager = (about?: number) =>
    about !== 1 && roles[1] === "admin" ? random.pick([0, 1]) : 0;
  let invitations = 0;
  for (const [slot, at] of times.entries()) {
    if (slots[slot]) continue;
    const kind = random.weighted([
      ["project.updated", 86],
      ["invitation.created", 11],
      ["member.role_changed", 3],
    ] as const);
    const editable = facts.flatMap((_, i) =>
      created[i]! < slot && !(facts[i]!.status === "archived" && statusChanged.get(i)! < slot)
        ? [i]
        : [],
    );
    if (kind === "project.updated" && editable.length > 0) {
      const project = random.pick(editable);
      const owner = facts[project]!.owner;
      slots[slot] = {
        at,
        actor: random.weighted([
          [owner, 60],
          [random.int(0, DEMO_USERS.length - 1), 40],
        ]),
        action: "project.updated",
        target: { project },
        metadata: {
          name: facts[project]!.name,
          changed: random.pick([
            ["description"],
            ["description"],
            ["name"],
            ["name", "description"],
          ]),
        },
      };
    } else if (kind === "member.role_changed") {
      const user = random.int(1, DEMO_USERS.length - 1);
      const from = roles[user]!;
      const to: Role = from === "admin" ? "member" : "admin";
      roles[user] = to;
      lastRoleChange.set(user, slot);
      slots[slot] = {
        at,
        actor: manager(user),
        action: "member.role_changed",
        target: { user },
        // `from`/`to` as src/server/services/members.ts writes them; `userName`/`role` for readers.
        metadata: { userName: DEMO_USERS[user]!.name, role: to, from, to },
      };
    } else {
      invitations += 1;
      const role = random.weighted<Role>([
        ["member", 80],
        ["admin", 20],
      ]);
      slots[slot] = {
        at,
        actor: manager(),
        action: "invitation.created",
        // Accepted or expired since, so the invitation row itself is gone (as in the app).
        target: { invitation: `demo-invitation-${String(invitations).padStart(3, "0")}` },
        metadata: { email: random.pick(INVITEES), role },
      };
    }
  }
  DEMO_USERS.forEach((user, i) => {
    if (roles[i] !== user.role) slots[lastRoleChange.get(i)!] = undefined;
  });

  const entries = slots.filter((entry) => entry !== undefined);
  const projects = facts.map((project, i) => {
    const history = entries.filter((e) => "project" in e.target && e.target.project === i);
    return { ...project, createdAt: history[0]!.at, updatedAt: history.at(-1)!.at };
  });
  return { projects, entries };
}

/** Writes the demo workspace (see the top of this file). */
export async function seedDemo(db: PrismaClient, now = new Date()): Promise<DemoSummary> {
  if (process.env.NODE_ENV === "production") {
    throw new Error(
      "The demo data has a known password: it is not seeded with NODE_ENV=production.",
    );
  }
  const { projects, entries } = planDemo(now);
  // Hashed before the transaction: argon2 is slow on purpose, and a transaction should not wait.
  const passwordHash = await hash(DEMO_PASSWORD, ARGON2_OPTIONS);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const founded = today - (DEMO_ACTIVITY_DAYS + 1) * DAY_MS + 9 * HOUR_MS;

  return db.$transaction(
    async (tx) => {
      const userIds: string[] = [];
      for (const [i, user] of DEMO_USERS.entries()) {
        const createdAt = new Date(founded + i * HOUR_MS);
        const demo = {
          name: user.name,
          passwordHash,
          emailVerifiedAt: new Date(createdAt.getTime() + 5 * MINUTE_MS),
        };
        const row = await tx.user.upsert({
          where: { email: user.email },
          create: { email: user.email, createdAt, ...demo },
          update: demo,
          select: { id: true },
        });
        userIds.push(row.id);
      }

      const staff = {
        name: DEMO_STAFF.name,
        passwordHash,
        emailVerifiedAt: new Date(founded),
        isAdmin: true,
      };
      const { id: staffId } = await tx.user.upsert({
        where: { email: DEMO_STAFF.email },
        create: { email: DEMO_STAFF.email, ...staff },
        update: staff,
        select: { id: true },
      });
      await seedDemoPosts(tx, staffId, now);

      const { id: workspaceId } = await tx.workspace.upsert({
        where: { slug: DEMO_WORKSPACE.slug },
        create: { ...DEMO_WORKSPACE, createdAt: new Date(founded) },
        update: { name: DEMO_WORKSPACE.name },
        select: { id: true },
      });
      await tx.membership.deleteMany({ where: { workspaceId, userId: { notIn: userIds } } });
      for (const [i, user] of DEMO_USERS.entries()) {
        const userId = userIds[i]!;
        await tx.membership.upsert({
          where: { workspaceId_userId: { workspaceId, userId } },
          create: {
            workspaceId,
            userId,
            role: user.role,
            createdAt: new Date(founded + i * HOUR_MS),
          },
          update: { role: user.role },
        });
      }

      await tx.auditLog.deleteMany({ where: { workspaceId } });
      await tx.project.deleteMany({ where: { workspaceId } });
      const created = await tx.project.createManyAndReturn({
        data: projects.map((project) => ({
          workspaceId,
          name: project.name,
          description: project.description,
          status: project.status,
          ownerId: userIds[project.owner]!,
          createdAt: project.createdAt,
          updatedAt: project.updatedAt,
        })),
        select: { id: true, name: true },
      });
      const projectIds = new Map(created.map((project) => [project.name, project.id]));
      const { count: activity } = await tx.auditLog.createMany({
        data: entries.map((entry) => ({
          workspaceId,
          actorId: userIds[entry.actor]!,
          actorName: DEMO_USERS[entry.actor]!.name,
          action: entry.action,
          ...("project" in entry.target
            ? {
                targetType: "project",
                targetId: projectIds.get(projects[entry.target.project]!.name)!,
              }
            : "user" in entry.target
              ? { targetType: "user", targetId: userIds[entry.target.user]! }
              : { targetType: "invitation", targetId: entry.target.invitation }),
          metadata: entry.metadata,
          createdAt: entry.at,
        })),
      });

      return {
        email: DEMO_USERS[0].email,
        password: DEMO_PASSWORD,
        workspaceSlug: DEMO_WORKSPACE.slug,
        projects: created.length,
        activity,
      };
    },
    // Some 700 rows on a small embedded database: allow well over the 5 s default.
    { maxWait: 10_000, timeout: 60_000 },
  );
}
