/**
 * Email templates: each returns subject, plain text and HTML. Links are absolute (APP_URL).
 */

/** A rendered email. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Builds text and HTML from paragraphs and an optional call-to-action link. */
function layout(subject: string, paragraphs: string[], action?: { label: string; url: string }) {
  const text = [...paragraphs, ...(action ? [`${action.label}: ${action.url}`] : [])].join("\n\n");
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("");
  const button = action
    ? `<p><a href="${escapeHtml(action.url)}" style="background:#4f46e5;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p><p style="color:#666;font-size:12px">Or open ${escapeHtml(action.url)}</p>`
    : "";
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">${body}${button}</body></html>`;
  return { subject, text, html };
}

export const templates = {
  verifyEmail: (name: string, url: string): EmailContent =>
    layout(
      "Confirm your email address",
      [
        `Hi ${name},`,
        "Confirm your email address to finish creating your account. The link expires in 24 hours.",
        "If you did not sign up, ignore this email.",
      ],
      { label: "Confirm my email", url },
    ),

  accountExists: (name: string, signInUrl: string, resetUrl: string): EmailContent =>
    layout("You already have an account", [
      `Hi ${name},`,
      "Someone tried to sign up with this email address, which already has an account.",
      `If it was you, sign in at ${signInUrl}, or reset your password at ${resetUrl}.`,
      "If it was not you, you can ignore this email: nothing changed.",
    ]),

  resetPassword: (name: string, url: string): EmailContent =>
    layout(
      "Reset your password",
      [
        `Hi ${name},`,
        "Someone asked to reset the password of your account. The link works once and expires in 1 hour.",
        "If it was not you, ignore this email: your password has not changed.",
      ],
      { label: "Choose a new password", url },
    ),

  confirmEmailChange: (name: string, url: string): EmailContent =>
    layout(
      "Confirm your new email address",
      [
        `Hi ${name},`,
        "Confirm this address to make it the email of your account. The link expires in 24 hours.",
      ],
      { label: "Confirm new email", url },
    ),

  invitation: (inviterName: string, workspaceName: string, url: string): EmailContent =>
    layout(
      `${inviterName} invited you to ${workspaceName}`,
      [
        `${inviterName} invited you to join the workspace "${workspaceName}".`,
        "The invitation expires in 7 days. Sign in, or create an account with this email address, to accept it.",
      ],
      { label: "View the invitation", url },
    ),

  securityNotice: (name: string, event: string): EmailContent =>
    layout(`Security notice: ${event}`, [
      `Hi ${name},`,
      `${event} on ${new Date().toUTCString()}.`,
      "If this was not you, reset your password now and contact support.",
    ]),
};
