import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isPublicPage } from "./public-pages";
import { pageContentSecurityPolicy, publicPageContentSecurityPolicy } from "./security-headers";
import { inlineScriptHashes } from "./public-page-cache.mjs";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");

describe("isPublicPage", () => {
  it("is the landing, the pricing page and each plan's page", () => {
    for (const path of ["/", "/pricing", "/pricing/free", "/pricing/pro", "/pricing/team"]) {
      expect(isPublicPage(path), path).toBe(true);
    }
  });

  it("is not an unknown plan (a 404), the app, auth, admin or a near miss", () => {
    for (const path of [
      "/pricing/enterprise",
      "/pricing/pro/x",
      "/pricing/",
      "/pricingx",
      "/dashboard",
      "/sign-in",
      "/admin",
      "/w/acme",
      "/x.json",
    ]) {
      expect(isPublicPage(path), path).toBe(false);
    }
  });
});

describe("inlineScriptHashes", () => {
  it("hashes each distinct inline script as the browser does, skipping external ones", () => {
    const bootstrap = "(self.__next_f=self.__next_f||[]).push([0])";
    const flight = 'self.__next_f.push([1,"a\\u003cb é"])';
    const html = [
      `<script src="/_next/static/chunks/a.js" async=""></script>`,
      `<script>${bootstrap}</script>`,
      `<script nonce="x">${flight}</script>`,
      `<SCRIPT>${bootstrap}</SCRIPT >`,
      `<script type="application/ld+json">{"@type":"WebSite"}</script>`,
    ].join("");
    expect(inlineScriptHashes(html)).toEqual([
      sha256(bootstrap),
      sha256(flight),
      sha256('{"@type":"WebSite"}'),
    ]);
  });

  it("is empty for a page without inline scripts", () => {
    expect(inlineScriptHashes('<p>hi</p><script src="/a.js"></script>')).toEqual([]);
  });
});

describe("the CSPs of pages", () => {
  it("a cached page's lists its hashes: no nonce, no 'unsafe-inline', no 'strict-dynamic'", () => {
    const csp = publicPageContentSecurityPolicy(["AAA=", "BBB="]);
    const scriptSrc = csp.split("; ").find((directive) => directive.startsWith("script-src "));
    expect(scriptSrc).toBe("script-src 'self' 'sha256-AAA=' 'sha256-BBB='");
    expect(csp).not.toMatch(/nonce-|'strict-dynamic'|'unsafe-eval'/);
    for (const directive of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
  });

  it("a page rendered per request's has the nonce and 'strict-dynamic', eval only in dev", () => {
    const csp = pageContentSecurityPolicy("bm9uY2U=", false);
    expect(csp).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'; ");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(pageContentSecurityPolicy("bm9uY2U=", true)).toContain("'strict-dynamic' 'unsafe-eval'");
  });

  it("differ only in script-src", () => {
    const others = (csp: string) =>
      csp.split("; ").filter((directive) => !directive.startsWith("script-src "));
    expect(others(publicPageContentSecurityPolicy([]))).toEqual(
      others(pageContentSecurityPolicy("n", false)),
    );
  });
});
