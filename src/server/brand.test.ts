import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** src/server/brand.ts as a server started with `vars` would read it. */
async function brandWith(vars: Record<string, string>) {
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  vi.resetModules();
  return import("./brand");
}

describe("the brand", () => {
  it("is the default with nothing set: Starter, a colour mark, mail from Starter", async () => {
    const { getBrand, mailFrom } = await brandWith({
      BRAND_NAME: "",
      BRAND_LOGO_URL: "",
      MAIL_FROM: "",
    });
    expect(getBrand()).toEqual({ name: "Starter", logoUrl: null });
    expect(mailFrom()).toBe('"Starter" <no-reply@localhost>');
  });

  it("follows BRAND_NAME and BRAND_LOGO_URL, and names the mail's sender unless MAIL_FROM does", async () => {
    const branded = await brandWith({ BRAND_NAME: 'Acme, "Inc."', BRAND_LOGO_URL: "/acme.svg" });
    expect(branded.getBrand()).toEqual({ name: 'Acme, "Inc."', logoUrl: "/acme.svg" });
    expect(branded.mailFrom()).toBe('"Acme, Inc." <no-reply@localhost>');
    const explicit = await brandWith({ MAIL_FROM: "Support <help@acme.test>" });
    expect(explicit.mailFrom()).toBe("Support <help@acme.test>");
  });

  it("refuses a logo from another site (the CSP allows same-origin images only)", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(brandWith({ BRAND_LOGO_URL: "https://cdn.example.com/logo.svg" })).rejects.toThrow(
      /BRAND_LOGO_URL: must be a path on this site/,
    );
    await expect(brandWith({ BRAND_LOGO_URL: "//cdn.example.com/logo.svg" })).rejects.toThrow(
      /BRAND_LOGO_URL/,
    );
  });
});
