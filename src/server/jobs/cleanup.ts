/**
 * `cleanup`, hourly: deletes what has expired: sessions past either expiry, used or expired email
 * tokens and invitations, rate-limit buckets, sent outbox mail older than 30 days and exports
 * older than 7 days. Returns how many rows of each went.
 */
import "server-only";
import { z } from "zod";
import { db } from "@/server/db";
import { defineJob } from "./types";

const DAY_MS = 86_400_000;

export const cleanupJob = defineJob({
  name: "cleanup",
  schema: z.object({}).loose(),
  cron: "17 * * * *",
  queue: { retryLimit: 2, retryDelay: 60, expireInSeconds: 600 },
  async handle() {
    const now = new Date();
    const [sessions, tokens, invitations, buckets, outbox, exports] = await db.$transaction([
      db.session.deleteMany({
        where: { OR: [{ expiresAt: { lt: now } }, { absoluteExpiresAt: { lt: now } }] },
      }),
      db.emailToken.deleteMany({
        where: { OR: [{ expiresAt: { lt: now } }, { usedAt: { not: null } }] },
      }),
      db.invitation.deleteMany({ where: { expiresAt: { lt: now } } }),
      db.rateLimiterFlexible.deleteMany({ where: { expire: { lt: now } } }),
      db.outboxEmail.deleteMany({
        where: { createdAt: { lt: new Date(now.getTime() - 30 * DAY_MS) } },
      }),
      db.export.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 7 * DAY_MS) } } }),
    ]);
    return {
      sessions: sessions.count,
      tokens: tokens.count,
      invitations: invitations.count,
      rateLimitBuckets: buckets.count,
      outboxEmails: outbox.count,
      exports: exports.count,
    };
  },
});
