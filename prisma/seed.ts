/**
 * Seed data, written by `npm run db:seed` (and `db:reset`, and `npm run dev` on a new embedded
 * database). The plans are not seed data: they live in code (src/server/billing/plans.ts).
 * - a demo workspace for local development (prisma/demo.ts): "Acme Inc" (`acme-demo`) with four
 *   verified users (owner demo@example.com, password `demo-password-123`; the admin
 *   alex@example.com and the members mia@example.com and sam@example.com share it), 40 projects
 *   (mostly active, some paused, a few archived) and 90 days of activity in the audit log.
 * Idempotent: running it again restores these values and creates nothing twice (the demo users'
 * passwords are reset to the demo one; the demo workspace's projects and activity are re-created).
 */
import type { PrismaClient } from "../src/generated/prisma/client";
import { type DemoSummary, seedDemo } from "./demo";

/** What {@link seed} wrote: the demo workspace and its login. */
export interface SeedSummary {
  /** Null with NODE_ENV=production (no demo data there). */
  demo: DemoSummary | null;
}

/**
 * Writes the demo workspace, except with NODE_ENV=production: demo accounts have a known
 * password. `now` anchors the demo's dates (its last 90 days).
 */
export async function seed(db: PrismaClient, now = new Date()): Promise<SeedSummary> {
  const demo = process.env.NODE_ENV === "production" ? null : await seedDemo(db, now);
  return { demo };
}
