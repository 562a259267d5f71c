import { describe, expect, it } from "vitest";
import {
  bundlerOf,
  distPathOf,
  jsFilesOf,
  referencedClientModules,
  serverChunkIds,
  turbopackPageFiles,
  webpackPageFiles,
} from "./first-load";

describe("bundlerOf", () => {
  it("is Turbopack with its marker file, webpack with its server runtime", () => {
    expect(bundlerOf({ turbopackMarker: true, webpackRuntime: false })).toBe("turbopack");
    expect(bundlerOf({ turbopackMarker: false, webpackRuntime: true })).toBe("webpack");
  });

  it("is undefined with neither or both", () => {
    expect(bundlerOf({ turbopackMarker: false, webpackRuntime: false })).toBeUndefined();
    expect(bundlerOf({ turbopackMarker: true, webpackRuntime: true })).toBeUndefined();
  });
});

describe("distPathOf", () => {
  it("drops the /_next/ prefix, a query and percent-encoding", () => {
    expect(distPathOf("/_next/static/chunks/a.js")).toBe("static/chunks/a.js");
    expect(distPathOf("static/chunks/a.js?dpl=dpl_1")).toBe("static/chunks/a.js");
    expect(distPathOf("static/chunks/app/(marketing)/pricing/%5Bslug%5D/page-1.js")).toBe(
      "static/chunks/app/(marketing)/pricing/[slug]/page-1.js",
    );
  });
});

describe("jsFilesOf", () => {
  it("keeps the JavaScript files of a webpack list of chunk ids and files", () => {
    expect(
      jsFilesOf(["5213", "static/chunks/5213-ab.js", "7177", "static/chunks/app/layout-cd.js"]),
    ).toEqual(["static/chunks/5213-ab.js", "static/chunks/app/layout-cd.js"]);
  });

  it("leaves CSS out", () => {
    expect(jsFilesOf(["/_next/static/chunks/a.css", "/_next/static/chunks/a.js"])).toEqual([
      "static/chunks/a.js",
    ]);
  });
});

describe("turbopackPageFiles", () => {
  it("takes the root files, the layouts' and page's scripts and every client module's chunks", () => {
    const files = turbopackPageFiles(
      ["static/chunks/root.js"],
      {
        "[project]/src/app/layout": ["static/chunks/layout.js"],
        "[project]/src/app/not-found": ["static/chunks/layout.js", "static/chunks/not-found.js"],
        "[project]/src/app/(marketing)/error": ["static/chunks/error.js"],
        "[project]/src/app/(marketing)/page": ["static/chunks/layout.js", "static/chunks/home.js"],
      },
      {
        "[project]/src/components/header.tsx": { chunks: ["/_next/static/chunks/layout.js"] },
        "[project]/src/app/(marketing)/error.tsx": { chunks: ["/_next/static/chunks/error.js"] },
      },
    );
    expect(files).toEqual([
      "static/chunks/root.js",
      "static/chunks/layout.js",
      "static/chunks/home.js",
      "static/chunks/error.js", // through clientModules, not entryJSFiles
    ]);
  });
});

describe("serverChunkIds", () => {
  it("reads the chunk ids of a minified webpack server entry", () => {
    const source =
      'var b=require("../../../webpack-runtime.js");b.C(a);' +
      "var c=b.X(0,[2970,4584,579],()=>b(b.s=9265));module.exports=c})();";
    expect(serverChunkIds(source)).toEqual(["2970", "4584", "579"]);
  });

  it("reads named chunk ids and an empty list", () => {
    expect(serverChunkIds('t.X(0, ["vendor-chunks/next", 12], () => s(1))')).toEqual([
      "vendor-chunks/next",
      "12",
    ]);
    expect(serverChunkIds("b.X(0,[],()=>b(b.s=1))")).toEqual([]);
  });

  it("is undefined for a source without the call", () => {
    expect(serverChunkIds("module.exports = {}")).toBeUndefined();
  });
});

describe("referencedClientModules", () => {
  const keys = [
    "/app/src/components/toaster.tsx",
    "/app/src/components/sign-in-form.tsx",
    "/app/src/components/sidebar-nav.tsx",
  ];

  it("finds the keys that are string literals of the sources, in key order", () => {
    const sources = [
      '(0,d.registerClientReference)(function(){throw Error("…")},"/app/src/components/sign-in-form.tsx","SignInForm")',
      "a.exports=d('/app/src/components/toaster.tsx')",
    ];
    expect(referencedClientModules(sources, keys)).toEqual([
      "/app/src/components/toaster.tsx",
      "/app/src/components/sign-in-form.tsx",
    ]);
  });

  it("does not take a key that is only part of a longer string", () => {
    expect(referencedClientModules(['"/app/src/components/sidebar-nav.tsx.map"'], keys)).toEqual(
      [],
    );
  });
});

describe("webpackPageFiles", () => {
  const clientModules = {
    "/app/src/components/toaster.tsx": {
      chunks: ["5213", "static/chunks/5213-a.js", "7177", "static/chunks/app/layout-b.js"],
    },
    "/app/src/components/sign-in-form.tsx": {
      chunks: ["5213", "static/chunks/5213-a.js", "9", "static/chunks/app/(auth)/page-c.js"],
    },
    "/app/src/components/sidebar-nav.tsx": {
      chunks: ["4944", "static/chunks/app/(app)/layout-d.js"],
    },
  };

  it("takes the root files and the chunks of the referenced client modules only", () => {
    expect(
      webpackPageFiles(["static/chunks/webpack-r.js"], clientModules, [
        "/app/src/components/toaster.tsx",
        "/app/src/components/sign-in-form.tsx",
      ]),
    ).toEqual([
      "static/chunks/webpack-r.js",
      "static/chunks/5213-a.js",
      "static/chunks/app/layout-b.js",
      "static/chunks/app/(auth)/page-c.js",
    ]);
  });

  it("throws for a referenced module the manifest does not have", () => {
    expect(() => webpackPageFiles([], clientModules, ["/app/src/missing.tsx"])).toThrow(
      /no client module \/app\/src\/missing\.tsx/,
    );
  });
});
