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
 * Delivers `content` to `to`. The outbox write is awaited; an SMTP send is not: the request
 * neither waits on the mail server (its timing would tell which emails have accounts) nor fails
 * after its change was committed. A failed send is logged with the recipient's domain only.
 */
export async function sendEmail(to: string, content: EmailContent): Promise<void> {
  if (env.MAIL_TRANSPORT === "outbox") {
    await db.outboxEmail.create({ data: { to, ...content } });
    return;
  }
  transporter ??= nodemailer.createTransport(env.SMTP_URL);
  transporter.sendMail({ from: env.MAIL_FROM, to, ...content }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`Mail to *@${to.split("@")[1]} ("${content.subject}") failed: ${reason}`);
  });
}

/** An absolute link into the app, e.g. appUrl("/verify-email", { token }). */
export function appUrl(pathname: string, params: Record<string, string> = {}): string {
  const url = new URL(pathname, env.APP_URL);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}
