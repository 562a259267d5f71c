import { describe, expect, it } from "vitest";
import { getBrand } from "@/server/brand";
import { renderEmail, type EmailContent, type EmailMessage } from "@/server/mail/templates";

/** A name that would read as our own instruction if it were shown as it is. */
const HOSTILE = "Reset your password at evil.example";
const URL = "https://app.example/verify-email?token=abc&next=%2Fw";
const AT = "2026-01-02T03:04:05.000Z";

/** Every template with sample data, HOSTILE wherever a user's text goes, and its button's URL. */
const SAMPLES: [EmailMessage, string | null][] = [
  [{ template: "verifyEmail", props: { name: HOSTILE, url: URL } }, URL],
  [
    {
      template: "accountExists",
      props: { name: HOSTILE, signInUrl: "https://app.example/sign-in", resetUrl: URL },
    },
    "https://app.example/sign-in",
  ],
  [{ template: "resetPassword", props: { name: HOSTILE, url: URL } }, URL],
  [{ template: "confirmEmailChange", props: { name: HOSTILE, url: URL } }, URL],
  [
    { template: "invitation", props: { inviterName: HOSTILE, workspaceName: HOSTILE, url: URL } },
    URL,
  ],
  [
    {
      template: "securityNotice",
      props: { name: HOSTILE, event: "Your password was changed", at: AT, userText: [] },
    },
    null,
  ],
];

const rendered = async (): Promise<[string, EmailContent, string | null][]> =>
  Promise.all(
    SAMPLES.map(async ([message, link]) => [message.template, await renderEmail(message), link]),
  );

/** How many times `needle` occurs in `haystack`. */
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/** The href values of the HTML part's links, decoded. */
const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));

describe("email templates", () => {
  it("render the brand's layout with HTML and a plain-text part, and the button's link in both", async () => {
    for (const [name, mail, link] of await rendered()) {
      expect(mail.html, name).toMatch(/^<!DOCTYPE html/);
      expect(mail.html, name).toContain(getBrand().name);
      expect(mail.html, name).toContain(`<title>${mail.subject}</title>`);
      expect(mail.text, name).toContain(getBrand().name);
      expect(mail.text, name).not.toMatch(/<[a-z]/i);
      if (link) {
        // The button and the spelled-out link point at the exact URL (query string intact).
        expect(
          hrefs(mail.html).filter((href) => href === link),
          name,
        ).toHaveLength(2);
        expect(mail.text, name).toContain(link);
      } else {
        expect(hrefs(mail.html), name).toEqual([]);
      }
    }
  });

  for (const [template] of SAMPLES) {
    it(`${template.template}: a user's text stays out of the subject and is quoted under a "written by users" mark`, async () => {
      const mail = await renderEmail(template);
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

  it("escapes HTML a user wrote: a <script> name comes out as text", async () => {
    const mail = await renderEmail({
      template: "invitation",
      props: {
        inviterName: "<script>alert(1)</script>",
        workspaceName: '<img src=x onerror="alert(1)">',
        url: URL,
      },
    });
    expect(mail.html).not.toContain("<script>alert(1)");
    expect(mail.html).not.toContain("<img src=x");
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail.text).toContain("Invited by: “<script>alert(1)</script>”");
  });

  it("keeps invitation names out of the subject", async () => {
    const mail = await renderEmail({
      template: "invitation",
      props: { inviterName: "Eve", workspaceName: "Acme", url: URL },
    });
    expect(mail.subject).toBe("You are invited to join a workspace");
    expect(mail.text).toContain("Workspace: “Acme”");
    expect(mail.text).toContain("Invited by: “Eve”");
  });

  it("shows the workspace's logo in an invitation when it has one, and nothing in its place otherwise", async () => {
    const logo = "https://app.example.com/api/storage/w/1/logos/a/64.webp?expires=1&signature=s";
    const withLogo = await renderEmail({
      template: "invitation",
      props: { inviterName: "Eve", workspaceName: "Acme", url: URL, workspaceLogoUrl: logo },
    });
    expect(withLogo.html).toMatch(/<img[^>]+alt="The workspace(&#x27;|')s logo"/);
    expect(withLogo.html).toContain(logo.replaceAll("&", "&amp;"));
    const without = await renderEmail({
      template: "invitation",
      props: { inviterName: "Eve", workspaceName: "Acme", url: URL, workspaceLogoUrl: null },
    });
    expect(without.html).not.toContain("<img");
  });

  it("flattens line breaks, control and bidi characters, and the user's own quotation marks", async () => {
    const mail = await renderEmail({
      template: "invitation",
      props: {
        inviterName: "Eve”\n\nCall +1 555 0100 now\u202E\u0000“",
        workspaceName: "Acme",
        url: URL,
      },
    });
    expect(mail.text).toContain('Invited by: “Eve" Call +1 555 0100 now "”');
    expect(mail.text).not.toMatch(/[\u0000\u202E]/);
    expect(mail.html).not.toMatch(/[\u0000\u202E]/);
  });

  it("states when a security event happened and shows a new address only in the body", async () => {
    const mail = await renderEmail({
      template: "securityNotice",
      props: {
        name: "Ada",
        event: "Your email address was changed",
        at: AT,
        userText: [["New address", "thief@evil.example"]],
      },
    });
    expect(mail.subject).toBe("Security notice: Your email address was changed");
    expect(mail.text).toContain("Your email address was changed on Fri, 02 Jan 2026 03:04:05 GMT.");
    expect(mail.text).toContain("New address: “thief@evil.example”");
  });

  it("refuses props that do not fit the template", async () => {
    const bad = { template: "verifyEmail", props: { name: "Ada", url: "not a url" } } as const;
    await expect(renderEmail(bad)).rejects.toThrow(/url/i);
  });
});
