/**
 * Sends email: over SMTP (nodemailer, `SMTP_URL`) or into the database outbox
 * (`MAIL_TRANSPORT=outbox`, development and tests). Later work moves sending onto a job queue.
 */
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/env";
import { db } from "@/server/db";
import type { EmailContent } from "@/server/mail/templates";

let transporter: Transporter | undefined;

/**
 * Delivers `content` to `to`.
 * @throws the transport's error when SMTP refuses the message.
 */
export async function sendEmail(to: string, content: EmailContent): Promise<void> {
  if (env.MAIL_TRANSPORT === "outbox") {
    await db.outboxEmail.create({ data: { to, ...content } });
    return;
  }
  transporter ??= nodemailer.createTransport(env.SMTP_URL);
  await transporter.sendMail({ from: env.MAIL_FROM, to, ...content });
}

/** An absolute link into the app, e.g. appUrl("/verify-email", { token }). */
export function appUrl(pathname: string, params: Record<string, string> = {}): string {
  const url = new URL(pathname, env.APP_URL);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}
