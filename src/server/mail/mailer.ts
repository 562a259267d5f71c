/**
 * Sends email through the job queue: `sendEmail` enqueues a `send-email` job and returns; the
 * worker's `deliverEmail` sends it over SMTP (nodemailer, `SMTP_URL`) or writes it to the database
 * outbox (`MAIL_TRANSPORT=outbox`, development and tests), retried with backoff on failure.
 */
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/env";
import { db } from "@/server/db";
import { enqueue } from "@/server/jobs/queue";
import type { EmailContent } from "@/server/mail/templates";

let transporter: Transporter | undefined;

/**
 * Queues `content` for `to` (a `send-email` job). The request neither waits on the mail server
 * (its timing would tell which emails have accounts) nor fails after its change was committed.
 */
export async function sendEmail(to: string, content: EmailContent): Promise<void> {
  await enqueue("send-email", { to, ...content });
}

/**
 * Delivers `content` to `to` now (the `send-email` job). @throws the transport's error, so the
 * job is retried; the message names the recipient's domain only.
 */
export async function deliverEmail(to: string, content: EmailContent): Promise<void> {
  if (env.MAIL_TRANSPORT === "outbox") {
    await db.outboxEmail.create({ data: { to, ...content } });
    return;
  }
  transporter ??= nodemailer.createTransport(env.SMTP_URL);
  try {
    await transporter.sendMail({ from: env.MAIL_FROM, to, ...content });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Mail to *@${to.split("@")[1]} ("${content.subject}") failed: ${reason}`);
  }
}

/** An absolute link into the app, e.g. appUrl("/verify-email", { token }). */
export function appUrl(pathname: string, params: Record<string, string> = {}): string {
  const url = new URL(pathname, env.APP_URL);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}
