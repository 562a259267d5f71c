/**
 * Sends email through the job queue: `sendEmail` and `sendLink` enqueue a `send-email` job and
 * return; the worker renders the template (src/server/mail/templates.tsx) and `deliverEmail` sends it over SMTP (nodemailer, `SMTP_URL`) or writes it to
 * the database outbox (`MAIL_TRANSPORT=outbox`, development and tests), retried with backoff on
 * failure.
 */
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/env";
import { mailFrom } from "@/server/brand";
import { db } from "@/server/db";
import type { JobPayload } from "@/server/jobs";
import { enqueue } from "@/server/jobs/queue";
import type { EmailContent, EmailMessage } from "@/server/mail/templates";

let transporter: Transporter | undefined;

/** An email to render and its recipient. */
export interface Mail {
  to: string;
  message: EmailMessage;
}

/** An emailed link, named by the row it belongs to (its token is minted when it is sent). */
export type EmailLink = Exclude<JobPayload<"send-email">, { kind: "message" }>;

/**
 * Queues `message` (a template and its props) for `to` (a `send-email` job, which renders it as
 * it sends). The request neither waits on the mail server (its timing would tell which emails
 * have accounts) nor fails after its change was committed. `message` is stored in the job queue
 * as it is: it must hold no secret (links go by `sendLink`).
 */
export async function sendEmail(to: string, message: EmailMessage): Promise<void> {
  await enqueue("send-email", { kind: "message", to, message });
}

/**
 * Queues the email of `link`. The job holds ids only: the worker mints the token as it sends,
 * so no usable link waits in the queue's table (kept 14 days).
 */
export async function sendLink(link: EmailLink): Promise<void> {
  await enqueue("send-email", link);
}

/**
 * Delivers `content` to `to` now (the `send-email` job). @throws the transport's error, so the
 * job is retried; the message names the recipient's domain only.
 */
export async function deliverEmail(to: string, content: EmailContent): Promise<void> {
  const { subject, text, html } = content;
  if (env.MAIL_TRANSPORT === "outbox") {
    await db.outboxEmail.create({ data: { to, subject, text, html } });
    return;
  }
  transporter ??= nodemailer.createTransport(env.SMTP_URL);
  try {
    await transporter.sendMail({ from: mailFrom(), to, subject, text, html });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Mail to *@${to.split("@")[1]} ("${subject}") failed: ${reason}`);
  }
}

/** An absolute link into the app, e.g. appUrl("/verify-email", { token }). */
export function appUrl(pathname: string, params: Record<string, string> = {}): string {
  const url = new URL(pathname, env.APP_URL);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}
