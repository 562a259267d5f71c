/**
 * Email templates: each returns subject, plain text and HTML. Links are absolute (APP_URL).
 *
 * Text a user wrote (a user's or a workspace's name, an address they typed) never goes in a
 * subject, and in a body only in one block under "Entered by users, not written by us:", each
 * value on one line in quotation marks (“…”). So a name such as "Reset your password at
 * evil.example" cannot read as our own instruction (OWASP WSTG-BUSL-00, content spoofing through
 * text injection). Subjects, paragraphs and labels are product text only.
 */

/** A rendered email. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** Values a user wrote, each with the label it is shown under, e.g. ["Workspace", "Acme"]. */
export type UserText = [label: string, value: string][];

const USER_TEXT_MARK = "Entered by users, not written by us:";

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * `value` in quotation marks, on one line: runs of control, format (bidi overrides, zero-width)
 * and line/paragraph separator characters become one space, and the value's own “ ” become ",
 * so it can neither start a paragraph of its own nor close our quotation marks.
 */
function quote(value: string): string {
  const flat = value
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, " ")
    .replace(/[“”]/g, '"')
    .trim();
  return `“${flat}”`;
}

/** Builds text and HTML from product paragraphs, the users' text and a call-to-action link. */
function layout(
  subject: string,
  paragraphs: string[],
  userText: UserText,
  action?: { label: string; url: string },
): EmailContent {
  const lines = userText.map(([label, value]) => `${label}: ${quote(value)}`);
  const text = [
    "Hello,",
    ...paragraphs,
    ...(lines.length ? [[USER_TEXT_MARK, ...lines].join("\n")] : []),
    ...(action ? [`${action.label}: ${action.url}`] : []),
  ].join("\n\n");
  const body = ["Hello,", ...paragraphs].map((p) => `<p>${escapeHtml(p)}</p>`).join("");
  const block = lines.length
    ? `<div style="border-left:3px solid #d4d4d8;margin:16px 0;padding:4px 12px"><p style="color:#666;font-size:12px;margin:0 0 4px">${escapeHtml(USER_TEXT_MARK)}</p>${lines.map((line) => `<p style="margin:0">${escapeHtml(line)}</p>`).join("")}</div>`
    : "";
  const button = action
    ? `<p><a href="${escapeHtml(action.url)}" style="background:#4f46e5;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p><p style="color:#666;font-size:12px">Or open ${escapeHtml(action.url)}</p>`
    : "";
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">${body}${block}${button}</body></html>`;
  return { subject, text, html };
}

export const templates = {
  /** To the address of a sign-up; `name` is the account's name (written by whoever signed up). */
  verifyEmail: (name: string, url: string): EmailContent =>
    layout(
      "Confirm your email address",
      [
        "Confirm your email address to finish creating your account. The link expires in 24 hours.",
        "If you did not sign up, ignore this email.",
      ],
      [["Account name", name]],
      { label: "Confirm my email", url },
    ),

  accountExists: (name: string, signInUrl: string, resetUrl: string): EmailContent =>
    layout(
      "You already have an account",
      [
        "Someone tried to sign up with this email address, which already has an account.",
        `If it was you, sign in at ${signInUrl}, or reset your password at ${resetUrl}.`,
        "If it was not you, you can ignore this email: nothing changed.",
      ],
      [["Account name", name]],
    ),

  resetPassword: (name: string, url: string): EmailContent =>
    layout(
      "Reset your password",
      [
        "Someone asked to reset the password of your account. The link works once and expires in 1 hour.",
        "If it was not you, ignore this email: your password has not changed.",
      ],
      [["Account name", name]],
      { label: "Choose a new password", url },
    ),

  /** To the new address; `name` is the name of the account that asked for the change. */
  confirmEmailChange: (name: string, url: string): EmailContent =>
    layout(
      "Confirm your new email address",
      [
        "An account asked to use this address as its email. Confirm it while signed in to that account; the link expires in 24 hours.",
        "If you did not ask for this, ignore this email: nothing changes.",
      ],
      [["Account name", name]],
      { label: "Confirm new email", url },
    ),

  invitation: (inviterName: string, workspaceName: string, url: string): EmailContent =>
    layout(
      "You are invited to join a workspace",
      [
        "You are invited to join a workspace. The invitation expires in 7 days. Sign in, or create an account with this email address, to accept it.",
      ],
      [
        ["Workspace", workspaceName],
        ["Invited by", inviterName],
      ],
      { label: "View the invitation", url },
    ),

  /**
   * `event` is product text (it goes in the subject); what a user typed, such as a new address,
   * goes in `userText`.
   */
  securityNotice: (name: string, event: string, userText: UserText = []): EmailContent =>
    layout(
      `Security notice: ${event}`,
      [
        `${event} on ${new Date().toUTCString()}.`,
        "If this was not you, reset your password now and contact support.",
      ],
      [["Account name", name], ...userText],
    ),
};
