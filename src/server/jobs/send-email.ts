/**
 * `send-email`: delivers one email (SMTP, or the dev outbox), so no request waits on the mail
 * server. Retried 5 times with exponential backoff from 10 s (≈ 10 s, 20 s, 40 s, … with jitter):
 * a mail server that is down for minutes loses nothing.
 */
import "server-only";
import { z } from "zod";
import { deliverEmail } from "@/server/mail/mailer";
import { defineJob } from "./types";

export const sendEmailJob = defineJob({
  name: "send-email",
  schema: z.object({
    to: z.email(),
    subject: z.string().min(1).max(300),
    text: z.string(),
    html: z.string(),
  }),
  queue: {
    retryLimit: 5,
    retryDelay: 10,
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: 60,
  },
  async handle({ to, ...content }) {
    await deliverEmail(to, content);
  },
});
