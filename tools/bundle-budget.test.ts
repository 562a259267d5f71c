import { describe, expect, it } from "vitest";
import {
  classifyPage,
  evaluateBudgets,
  formatKb,
  formatReport,
  KB,
  routeOf,
  type Budgets,
} from "./bundle-budget";

/** Shared framework chunks every page loads, and their gzipped sizes. */
const FRAMEWORK = ["static/chunks/react.js", "static/chunks/next.js"];
const sizes = new Map([
  ["static/chunks/react.js", 60 * KB],
  ["static/chunks/next.js", 40 * KB],
  ["static/chunks/home.js", 5 * KB],
  ["static/chunks/table.js", 30 * KB],
  ["static/chunks/chart.js", 150 * KB],
]);

const pages = (entries: Record<string, string[]>) => new Map(Object.entries(entries));

/** Budgets of these tests, apart from the app's (which move as pages shrink). */
const TEST_BUDGETS: Budgets = {
  rules: [
    { group: "marketing", segments: ["(marketing)"], budgetBytes: 110 * KB },
    { group: "signed-in", segments: ["(app)", "admin"], budgetBytes: 200 * KB },
  ],
  fallback: { group: "other", budgetBytes: 200 * KB },
};

describe("BUDGETS", () => {
  it("holds marketing pages to 150 kB and every other page to 230 kB", () => {
    expect(classifyPage("/(marketing)/pricing/page")).toEqual({
      group: "marketing",
      budgetBytes: 150 * KB,
    });
    expect(classifyPage("/(app)/dashboard/page")).toEqual({
      group: "signed-in",
      budgetBytes: 230 * KB,
    });
    expect(classifyPage("/(auth)/sign-in/page")).toEqual({ group: "other", budgetBytes: 230 * KB });
  });
});

describe("classifyPage", () => {
  it("classifies by the route group or folder the page is in", () => {
    expect(classifyPage("/(marketing)/page", TEST_BUDGETS)).toEqual({
      group: "marketing",
      budgetBytes: 110_000,
    });
    expect(classifyPage("/(marketing)/pricing/[slug]/page", TEST_BUDGETS).group).toBe("marketing");
    expect(classifyPage("/(app)/w/[slug]/projects/page", TEST_BUDGETS)).toEqual({
      group: "signed-in",
      budgetBytes: 200_000,
    });
    expect(classifyPage("/admin/users/[id]/page", TEST_BUDGETS).group).toBe("signed-in");
  });

  it("gives every other page the fallback budget", () => {
    for (const appPath of ["/(auth)/sign-in/page", "/dev/mailbox/page", "/_not-found/page"]) {
      expect(classifyPage(appPath, TEST_BUDGETS)).toEqual({ group: "other", budgetBytes: 200_000 });
    }
  });

  it("matches whole segments only, and only the first one", () => {
    expect(classifyPage("/administrator/page", TEST_BUDGETS).group).toBe("other");
    expect(classifyPage("/marketing/page", TEST_BUDGETS).group).toBe("other");
    expect(classifyPage("/docs/admin/page", TEST_BUDGETS).group).toBe("other");
  });
});

describe("routeOf", () => {
  it("drops route groups, slots and the page segment", () => {
    expect(routeOf("/(marketing)/page")).toBe("/");
    expect(routeOf("/(marketing)/pricing/[slug]/page")).toBe("/pricing/[slug]");
    expect(routeOf("/(app)/w/[slug]/projects/page")).toBe("/w/[slug]/projects");
    expect(routeOf("/admin/page")).toBe("/admin");
    expect(routeOf("/_not-found/page")).toBe("/_not-found");
    expect(routeOf("/shop/@modal/cart/page")).toBe("/shop/cart");
  });
});

describe("evaluateBudgets", () => {
  it("sums the gzipped sizes of each page's files, in bytes", () => {
    const report = evaluateBudgets(
      pages({ "/(marketing)/page": [...FRAMEWORK, "static/chunks/home.js"] }),
      sizes,
      TEST_BUDGETS,
    );
    expect(report.ok).toBe(true);
    expect(report.rows).toEqual([
      {
        route: "/",
        appPath: "/(marketing)/page",
        group: "marketing",
        files: 3,
        gzipBytes: 105_000,
        budgetBytes: 110_000,
        ok: true,
      },
    ]);
  });

  it("counts a chunk listed more than once for a page once", () => {
    const report = evaluateBudgets(
      pages({
        "/(app)/dashboard/page": [
          ...FRAMEWORK,
          "static/chunks/table.js",
          ...FRAMEWORK,
          "static/chunks/table.js",
        ],
      }),
      sizes,
      TEST_BUDGETS,
    );
    expect(report.rows[0]).toMatchObject({ files: 3, gzipBytes: 130_000 });
  });

  it("counts shared chunks in full for every page that loads them", () => {
    const report = evaluateBudgets(
      pages({
        "/(app)/dashboard/page": [...FRAMEWORK, "static/chunks/table.js"],
        "/admin/users/page": [...FRAMEWORK, "static/chunks/table.js"],
      }),
      sizes,
      TEST_BUDGETS,
    );
    expect(report.rows.map((row) => row.gzipBytes)).toEqual([130_000, 130_000]);
  });

  it("fails a page over its budget, and only that page", () => {
    const report = evaluateBudgets(
      pages({
        "/(marketing)/pricing/page": [...FRAMEWORK, "static/chunks/table.js"], // 130 kB > 110 kB
        "/(app)/w/[slug]/projects/page": [...FRAMEWORK, "static/chunks/table.js"], // ≤ 200 kB
      }),
      sizes,
      TEST_BUDGETS,
    );
    expect(report.ok).toBe(false);
    expect(report.rows.map((row) => [row.route, row.ok])).toEqual([
      ["/pricing", false],
      ["/w/[slug]/projects", true],
    ]);
  });

  it("passes a page exactly at its budget", () => {
    const exact = new Map([["static/chunks/all.js", 110_000]]);
    const report = evaluateBudgets(
      pages({ "/(marketing)/page": ["static/chunks/all.js"] }),
      exact,
      TEST_BUDGETS,
    );
    expect(report.ok).toBe(true);
    const over = new Map([["static/chunks/all.js", 110_001]]);
    expect(
      evaluateBudgets(pages({ "/(marketing)/page": ["static/chunks/all.js"] }), over, TEST_BUDGETS)
        .ok,
    ).toBe(false);
  });

  it("fails when there are no pages", () => {
    const report = evaluateBudgets(new Map(), sizes, TEST_BUDGETS);
    expect(report).toMatchObject({ ok: false, rows: [], problem: "no pages found in the build" });
  });

  it("throws on a file with no known size instead of counting it as 0", () => {
    expect(() =>
      evaluateBudgets(
        pages({ "/(marketing)/page": ["static/chunks/missing.js"] }),
        sizes,
        TEST_BUDGETS,
      ),
    ).toThrow("no gzipped size for static/chunks/missing.js (page /(marketing)/page)");
  });

  it("sorts the rows by route and takes other budgets", () => {
    const budgets: Budgets = {
      rules: [{ group: "tiny", segments: ["(marketing)"], budgetBytes: 1 }],
      fallback: { group: "any", budgetBytes: 1_000_000 },
    };
    const report = evaluateBudgets(
      pages({
        "/(marketing)/pricing/page": ["static/chunks/home.js"],
        "/(auth)/sign-in/page": ["static/chunks/chart.js"],
        "/(marketing)/page": ["static/chunks/home.js"],
      }),
      sizes,
      budgets,
    );
    expect(report.rows.map((row) => [row.route, row.group, row.ok])).toEqual([
      ["/", "tiny", false],
      ["/pricing", "tiny", false],
      ["/sign-in", "any", true],
    ]);
  });
});

describe("formatReport", () => {
  it("prints kB of 1000 bytes with one decimal", () => {
    expect(formatKb(110_000)).toBe("110.0");
    expect(formatKb(1_234)).toBe("1.2");
  });

  it("prints a table row per page and a failing summary", () => {
    const report = evaluateBudgets(
      pages({
        "/(marketing)/page": [...FRAMEWORK, "static/chunks/table.js"],
        "/(app)/dashboard/page": [...FRAMEWORK],
      }),
      sizes,
      TEST_BUDGETS,
    );
    const lines = formatReport(report).split("\n");
    expect(lines[0]).toMatch(/^route\s+group\s+files\s+gzip kB\s+budget kB\s+status$/);
    expect(lines[1]).toMatch(/^-+( +-+){5}$/);
    expect(lines[2]).toMatch(/^\/\s+marketing\s+3\s+130\.0\s+110\.0\s+OVER$/);
    expect(lines[3]).toMatch(/^\/dashboard\s+signed-in\s+2\s+100\.0\s+200\.0\s+ok$/);
    expect(lines.at(-1)).toBe("bundle:check: FAILED, 1 of 2 page(s) over budget.");
  });

  it("says when every page passes, and when there are none", () => {
    const passing = evaluateBudgets(
      pages({ "/(app)/dashboard/page": FRAMEWORK }),
      sizes,
      TEST_BUDGETS,
    );
    expect(formatReport(passing).split("\n").at(-1)).toBe(
      "bundle:check: ok, 1 page(s) within budget.",
    );
    expect(
      formatReport(evaluateBudgets(new Map(), sizes, TEST_BUDGETS))
        .split("\n")
        .at(-1),
    ).toBe("bundle:check: FAILED, no pages found in the build.");
  });
});
