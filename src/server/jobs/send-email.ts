/**
 * `send-email`: delivers one email (SMTP, or the dev outbox), so no request waits on the mail
 * server. Retried 5 times with exponential backoff from 10 s (≈ 10 s, 20 s, 40 s, … with jitter):
 * a mail server that is down for minutes loses nothing.
 *
 * A payload is either a `message` (a template and its props, which hold no secret), or a link
 * named by its row (`emailToken`, `invitation`): the link's token is minted here, as the mail
 * is sent, so the queue's table (jobs are kept 14 days) never holds a usable link. Each attempt
 * mints a new token, which voids the one of an attempt that failed. A link used, expired or
 * replaced before it is sent is not sent (the job completes with `{ skipped }`). Every email is
 * rendered here, at send time (React Email, src/server/mail/templates.tsx).
 */
import "server-only";
import { z } from "zod";
import { deliverEmail, type Mail } from "@/server/mail/mailer";
import { emailMessageSchema, renderEmail } from "@/server/mail/templates";
import { emailTokenMail } from "@/server/services/email-tokens";
import { invitationMail } from "@/server/services/invitations";
import { defineJob } from "./types";

export const sendEmailJob = defineJob({
  name: "send-email",
  schema: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("message"), to: z.email(), message: emailMessageSchema }),
    z.object({ kind: z.literal("emailToken"), emailTokenId: z.string().min(1).max(100) }),
    z.object({ kind: z.literal("invitation"), invitationId: z.string().min(1).max(100) }),
  ]),
  queue: {
    retryLimit: 5,
    retryDelay: 10,
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: 60,
  },
  async handle(data) {
    const mail: Mail | null =
      data.kind === "message"
        ? data
        : data.kind === "emailToken"
          ? await emailTokenMail(data.emailTokenId)
          : await invitationMail(data.invitationId);
    if (!mail) return { skipped: "the link was used, expired or replaced before it was sent" };
    await deliverEmail(mail.to, await renderEmail(mail.message));
  },
});
