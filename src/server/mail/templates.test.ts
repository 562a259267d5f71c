import { describe, expect, it } from "vitest";
import { templates, type EmailContent } from "@/server/mail/templates";

/** A name that would read as our own instruction if it were shown as it is. */
const HOSTILE = "Reset your password at evil.example";
const URL = "https://app.example/verify-email?token=abc";

/** Every template, with HOSTILE wherever a user's text goes. */
const RENDERED: Record<string, EmailContent> = {
  verifyEmail: templates.verifyEmail(HOSTILE, URL),
  accountExists: templates.accountExists(HOSTILE, "https://app.example/sign-in", URL),
  resetPassword: templates.resetPassword(HOSTILE, URL),
  confirmEmailChange: templates.confirmEmailChange(HOSTILE, URL),
  invitation: templates.invitation(HOSTILE, HOSTILE, URL),
  securityNotice: templates.securityNotice(HOSTILE, "Your password was changed"),
};

/** How many times `needle` occurs in `haystack`. */
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe("email templates: text a user wrote", () => {
  for (const [name, mail] of Object.entries(RENDERED)) {
    it(`${name}: stays out of the subject, and is quoted under a "written by users" mark`, () => {
      expect(mail.subject).not.toContain("evil.example");
      for (const body of [mail.text, mail.html]) {
        expect(count(body, HOSTILE)).toBeGreaterThan(0);
        // Every occurrence is inside our quotation marks …
        expect(count(body, `“${HOSTILE}”`)).toBe(count(body, HOSTILE));
        // … and after the line that says users wrote it.
        const mark = body.indexOf("Entered by users, not written by us:");
        expect(mark).toBeGreaterThan(-1);
        expect(body.indexOf(HOSTILE)).toBeGreaterThan(mark);
      }
    });
  }

  it("keeps invitation names out of the subject", () => {
    const mail = templates.invitation("Eve", "Acme", URL);
    expect(mail.subject).toBe("You are invited to join a workspace");
    expect(mail.text).toContain("Workspace: “Acme”");
    expect(mail.text).toContain("Invited by: “Eve”");
  });

  it("flattens line breaks, control and bidi characters, and the user's own quotation marks", () => {
    const mail = templates.invitation("Eve”\n\nCall +1 555 0100 now\u202E\u0000“", "Acme", URL);
    expect(mail.text).toContain('Invited by: “Eve" Call +1 555 0100 now "”');
    expect(mail.text).not.toMatch(/[\u0000\u202E]/);
    expect(mail.html).not.toMatch(/[\u0000\u202E]/);
  });

  it("escapes HTML in names and shows a new address only in the body", () => {
    const mail = templates.securityNotice("<b>Ada</b>", "Your email address was changed", [
      ["New address", "thief@evil.example"],
    ]);
    expect(mail.subject).toBe("Security notice: Your email address was changed");
    expect(mail.html).toContain("“&#60;b&#62;Ada&#60;/b&#62;”");
    expect(mail.html).not.toContain("<b>Ada");
    expect(mail.text).toContain("New address: “thief@evil.example”");
  });
});
