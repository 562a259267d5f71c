/**
 * Email templates (React Email), rendered on the server when the `send-email` job sends them
 * (src/server/jobs/send-email.ts): an HTML part from the one layout (./emails/layout.tsx) and a
 * plain-text part converted from the same tree, so both always say the same. Links are absolute
 * (APP_URL).
 *
 * Subjects, paragraphs and labels are product text only; text a user wrote goes in `userText`
 * (see the layout for why). Each template's props are a zod schema, because queued messages are
 * parsed again by the job: `emailMessageSchema`.
 */
import "server-only";
import { render } from "@react-email/render";
import { z } from "zod";
import { EmailLayout, type EmailLayoutProps } from "./emails/layout";

/** A rendered email. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** What a template says, before it is laid out. */
interface EmailDefinition extends Omit<EmailLayoutProps, "title" | "preview"> {
  subject: string;
}

function defineTemplate<S extends z.ZodType>(
  props: S,
  build: (props: z.infer<S>) => EmailDefinition,
) {
  return { props, build };
}

const name = z.string().max(200);
const url = z.url();
/** Labelled values a user wrote, as `UserText`. */
const userText = z.array(z.tuple([z.string().max(100), z.string().max(500)])).max(10);

/** Every template: its props schema, and what it says. */
export const templates = {
  /** To the address of a sign-up; `name` is the account's name (written by whoever signed up). */
  verifyEmail: defineTemplate(z.object({ name, url }), (p) => ({
    subject: "Confirm your email address",
    paragraphs: [
      "Confirm your email address to finish creating your account. The link expires in 24 hours.",
      "If you did not sign up, ignore this email.",
    ],
    userText: [["Account name", p.name]],
    action: { label: "Confirm my email", url: p.url },
  })),

  /** To an address that already has an account, when someone signs up with it again. */
  accountExists: defineTemplate(z.object({ name, signInUrl: url, resetUrl: url }), (p) => ({
    subject: "You already have an account",
    paragraphs: [
      "Someone tried to sign up with this email address, which already has an account.",
      `If it was you, sign in below. Forgot your password? Choose a new one at ${p.resetUrl}.`,
      "If it was not you, you can ignore this email: nothing changed.",
    ],
    userText: [["Account name", p.name]],
    action: { label: "Sign in", url: p.signInUrl },
  })),

  resetPassword: defineTemplate(z.object({ name, url }), (p) => ({
    subject: "Reset your password",
    paragraphs: [
      "Someone asked to reset the password of your account. The link works once and expires in 1 hour.",
      "If it was not you, ignore this email: your password has not changed.",
    ],
    userText: [["Account name", p.name]],
    action: { label: "Choose a new password", url: p.url },
  })),

  /** To the new address; `name` is the name of the account that asked for the change. */
  confirmEmailChange: defineTemplate(z.object({ name, url }), (p) => ({
    subject: "Confirm your new email address",
    paragraphs: [
      "An account asked to use this address as its email. Confirm it while signed in to that account; the link expires in 24 hours.",
      "If you did not ask for this, ignore this email: nothing changes.",
    ],
    userText: [["Account name", p.name]],
    action: { label: "Confirm new email", url: p.url },
  })),

  /** `workspaceLogoUrl`: the workspace's logo (64 px, signed for the invitation's lifetime). */
  invitation: defineTemplate(
    z.object({ inviterName: name, workspaceName: name, url, workspaceLogoUrl: url.nullish() }),
    (p) => ({
      subject: "You are invited to join a workspace",
      paragraphs: [
        "You are invited to join a workspace. The invitation expires in 7 days. Sign in, or create an account with this email address, to accept it.",
      ],
      userText: [
        ["Workspace", p.workspaceName],
        ["Invited by", p.inviterName],
      ],
      action: { label: "View the invitation", url: p.url },
      ...(p.workspaceLogoUrl
        ? { image: { src: p.workspaceLogoUrl, alt: "The workspace's logo" } }
        : {}),
    }),
  ),

  /**
   * `event` is product text (it goes in the subject); `at` is when it happened (ISO 8601, UTC);
   * what a user typed, such as a new address, goes in `userText`.
   */
  securityNotice: defineTemplate(
    z.object({ name, event: z.string().min(1).max(200), at: z.iso.datetime(), userText }),
    (p) => ({
      subject: `Security notice: ${p.event}`,
      paragraphs: [
        `${p.event} on ${new Date(p.at).toUTCString()}.`,
        "If this was not you, reset your password now and contact support.",
      ],
      userText: [["Account name", p.name], ...p.userText],
    }),
  ),
};

/** What a queued `message` holds: a template and its props (no secret: no link tokens). */
export const emailMessageSchema = z.discriminatedUnion("template", [
  z.object({ template: z.literal("verifyEmail"), props: templates.verifyEmail.props }),
  z.object({ template: z.literal("accountExists"), props: templates.accountExists.props }),
  z.object({ template: z.literal("resetPassword"), props: templates.resetPassword.props }),
  z.object({
    template: z.literal("confirmEmailChange"),
    props: templates.confirmEmailChange.props,
  }),
  z.object({ template: z.literal("invitation"), props: templates.invitation.props }),
  z.object({ template: z.literal("securityNotice"), props: templates.securityNotice.props }),
]);

export type EmailMessage = z.infer<typeof emailMessageSchema>;
// Every template is in the union (a template missing from it fails to compile here).
const everyTemplate: Record<keyof typeof templates, EmailMessage["template"]> = {
  verifyEmail: "verifyEmail",
  accountExists: "accountExists",
  resetPassword: "resetPassword",
  confirmEmailChange: "confirmEmailChange",
  invitation: "invitation",
  securityNotice: "securityNotice",
};
void everyTemplate;

/**
 * Renders `message` to its subject, HTML and plain text.
 * @throws ZodError when `message` does not fit its template's props schema.
 */
export async function renderEmail(message: EmailMessage): Promise<EmailContent> {
  const { template, props } = emailMessageSchema.parse(message);
  // The union pairs each template with its props; TypeScript cannot follow that pairing.
  const build = templates[template].build as (props: EmailMessage["props"]) => EmailDefinition;
  const { subject, ...content } = build(props);
  const email = (
    <EmailLayout title={subject} preview={content.paragraphs[0] ?? subject} {...content} />
  );
  const [html, text] = await Promise.all([
    render(email),
    render(email, {
      plainText: true,
      htmlToTextOptions: {
        wordwrap: false,
        selectors: [{ selector: "a", options: { hideLinkHrefIfSameAsText: true } }],
      },
    }),
  ]);
  return { subject, html, text };
}
