/**
 * The development outbox: with MAIL_TRANSPORT=outbox, mail is stored in the database instead of
 * sent, and read at /dev/mailbox (and by the e2e tests). Never used with MAIL_TRANSPORT=smtp.
 */
import "server-only";
import { env } from "@/env";
import { db } from "@/server/db";

/** True when mail goes to the outbox (so /dev/mailbox may be served). */
export function isOutboxEnabled(): boolean {
  return env.MAIL_TRANSPORT === "outbox";
}

/** The newest `limit` (1-200) emails of the outbox, newest first. */
export function listOutboxEmails(limit = 50) {
  return db.outboxEmail.findMany({
    orderBy: { createdAt: "desc" },
    take: Math.min(Math.max(limit, 1), 200),
  });
}
