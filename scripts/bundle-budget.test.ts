import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { readFirstLoad } from "./bundle-budget";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..");

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A client reference manifest file as Next writes it: a script assigning to a global. */
function clientReferenceManifest(appPath: string, manifest: object): string {
  return [
    "globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};",
    `globalThis.__RSC_MANIFEST[${JSON.stringify(appPath)}] = ${JSON.stringify(manifest)};`,
  ].join("\n");
}

/**
 * A `.next` directory shaped like a Turbopack build (or, with `bundler: "webpack"`, a webpack
 * one): two pages, Next's `/_global-error` and a route handler. `chunkBytes` sets the size of
 * each chunk (random bytes, so gzip barely shrinks them); `benchmarkRoute` adds the route handler
 * a build made with BENCHMARK_ROUTES=1 holds.
 */
async function fakeBuild(
  options: {
    pages?: boolean;
    chunkBytes?: number;
    bundler?: "turbopack" | "webpack";
    benchmarkRoute?: boolean;
  } = {},
) {
  const dir = await mkdtemp(path.join(tmpdir(), "bundle-budget-"));
  dirs.push(dir);
  const write = async (file: string, content: string | Buffer) => {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  };
  const chunks = ["root", "runtime", "polyfill", "layout", "not-found", "home", "error", "table"];
  for (const chunk of chunks) {
    await write(`static/chunks/${chunk}.js`, randomBytes(options.chunkBytes ?? 100));
  }
  await write(
    "build-manifest.json",
    JSON.stringify({
      pages: { "/_app": [] },
      polyfillFiles: ["static/chunks/polyfill.js"],
      rootMainFiles: ["static/chunks/root.js", "static/chunks/runtime.js"],
      rootMainFilesTree: {},
    }),
  );
  const appPaths: Record<string, string> = {
    "/_global-error/page": "app/_global-error/page.js",
    "/api/health/route": "app/api/health/route.js",
  };
  if (options.benchmarkRoute) {
    appPaths["/api/bench/projects/route"] = "app/api/bench/projects/route.js";
  }
  if (options.pages !== false) {
    appPaths["/(marketing)/page"] = "app/(marketing)/page.js";
    appPaths["/(app)/dashboard/page"] = "app/(app)/dashboard/page.js";
  }
  await write("server/app-paths-manifest.json", JSON.stringify(appPaths));
  if (options.bundler === "webpack") await writeWebpackPages(write);
  else await writeTurbopackPages(write);
  return dir;
}

type Write = (file: string, content: string) => Promise<void>;

async function writeTurbopackPages(write: Write) {
  await write("turbopack", "");
  const layout = "static/chunks/layout.js";
  await write(
    "server/app/(marketing)/page_client-reference-manifest.js",
    clientReferenceManifest("/(marketing)/page", {
      clientModules: {
        "[project]/src/components/header.tsx": { chunks: [`/_next/${layout}`] },
        "[project]/src/app/(marketing)/error.tsx": { chunks: ["/_next/static/chunks/error.js"] },
      },
      entryJSFiles: {
        "[project]/src/app/layout": [layout],
        "[project]/src/app/not-found": [layout, "static/chunks/not-found.js"],
        "[project]/src/app/(marketing)/error": [layout, "static/chunks/error.js"],
        "[project]/src/app/(marketing)/page": [layout, "static/chunks/home.js"],
      },
    }),
  );
  await write(
    "server/app/(app)/dashboard/page_client-reference-manifest.js",
    clientReferenceManifest("/(app)/dashboard/page", {
      clientModules: { "[project]/src/components/table.tsx": { chunks: [] } },
      entryJSFiles: {
        "[project]/src/app/layout": [layout],
        "[project]/src/app/(app)/dashboard/page": [layout, "static/chunks/table.js"],
      },
    }),
  );
}

/**
 * webpack's shape: one client reference manifest merged for both route groups (each page's lists
 * every client module, the other group's too), no `entryJSFiles`; each page's server entry loads
 * server chunks, which register the page's client components by path.
 */
async function writeWebpackPages(write: Write) {
  await write("server/webpack-runtime.js", "");
  const layout = ["1", "static/chunks/layout.js"];
  const clientModules = {
    "/app/src/components/header.tsx": { chunks: layout },
    "/app/src/app/(marketing)/error.tsx": { chunks: ["7", "static/chunks/error.js"] },
    "/app/src/app/(marketing)/page.tsx": { chunks: [...layout, "5", "static/chunks/home.js"] },
    "/app/src/components/table.tsx": { chunks: [...layout, "8", "static/chunks/table.js"] },
  };
  const reference = (file: string) =>
    `(0,d.registerClientReference)(function(){throw Error("…")},${JSON.stringify(file)},"default")`;
  const entry = (ids: number[]) =>
    `var b=require("../../webpack-runtime.js");var c=b.X(0,[${ids.join(",")}],()=>b(b.s=1));`;
  // Chunk 10: the root layout's client components, which every page's server bundle loads.
  await write("server/chunks/10.js", reference("/app/src/components/header.tsx"));
  await write("server/chunks/11.js", reference("/app/src/app/(marketing)/error.tsx"));
  await write(
    "server/app/(marketing)/page.js",
    entry([10, 11]) + reference("/app/src/app/(marketing)/page.tsx"),
  );
  await write(
    "server/app/(app)/dashboard/page.js",
    entry([10]) + reference("/app/src/components/table.tsx"),
  );
  for (const appPath of ["/(marketing)/page", "/(app)/dashboard/page"]) {
    await write(
      `server/app${appPath}_client-reference-manifest.js`,
      clientReferenceManifest(appPath, { moduleLoading: { prefix: "/_next/" }, clientModules }),
    );
  }
}

async function check(distDir: string) {
  const tsx = path.join(ROOT, "node_modules/.bin/tsx");
  try {
    const { stdout, stderr } = await run(tsx, ["scripts/bundle-budget.ts", distDir], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("readFirstLoad", () => {
  it("gives each page the root files, its layouts' and page's scripts and its client chunks", async () => {
    const { bundler, pages, shared, polyfills } = await readFirstLoad(await fakeBuild());
    expect(bundler).toBe("turbopack");
    expect([...pages.keys()].sort()).toEqual(["/(app)/dashboard/page", "/(marketing)/page"]);
    expect(new Set(pages.get("/(marketing)/page"))).toEqual(
      new Set([
        "static/chunks/root.js",
        "static/chunks/runtime.js",
        "static/chunks/layout.js",
        "static/chunks/home.js",
        "static/chunks/error.js", // a client component of the page's RSC payload
      ]),
    );
    expect(new Set(pages.get("/(app)/dashboard/page"))).toEqual(
      new Set([
        "static/chunks/root.js",
        "static/chunks/runtime.js",
        "static/chunks/layout.js",
        "static/chunks/table.js",
      ]),
    );
    expect(shared).toEqual(["static/chunks/root.js", "static/chunks/runtime.js"]);
    expect(polyfills).toEqual(["static/chunks/polyfill.js"]);
  });

  it("reads a webpack build: each page gets the chunks of the client references of its server bundle", async () => {
    const { bundler, pages, shared } = await readFirstLoad(await fakeBuild({ bundler: "webpack" }));
    expect(bundler).toBe("webpack");
    expect([...pages.keys()].sort()).toEqual(["/(app)/dashboard/page", "/(marketing)/page"]);
    expect(new Set(pages.get("/(marketing)/page"))).toEqual(
      new Set([
        "static/chunks/root.js",
        "static/chunks/runtime.js",
        "static/chunks/layout.js",
        "static/chunks/error.js",
        "static/chunks/home.js",
      ]),
    );
    // Not the marketing page's home.js or error.js, although its merged manifest lists them.
    expect(new Set(pages.get("/(app)/dashboard/page"))).toEqual(
      new Set([
        "static/chunks/root.js",
        "static/chunks/runtime.js",
        "static/chunks/layout.js",
        "static/chunks/table.js",
      ]),
    );
    expect(shared).toEqual(["static/chunks/root.js", "static/chunks/runtime.js"]);
  });

  it("refuses a build whose bundler it cannot tell", async () => {
    const dir = await fakeBuild();
    await rm(path.join(dir, "turbopack"));
    await expect(readFirstLoad(dir)).rejects.toThrow(/cannot tell the bundler/);
  });
});

describe("npm run bundle:check", () => {
  it("exits 0 and prints the table when every page is within budget", async () => {
    const result = await check(await fakeBuild());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("of the turbopack build in");
    expect(result.stdout).toContain("kB = 1000 bytes");
    expect(result.stdout).toMatch(/^\/\s+marketing\s+5\s+[\d.]+\s+150\.0\s+ok$/m);
    expect(result.stdout).toMatch(/^\/dashboard\s+signed-in\s+4\s+[\d.]+\s+230\.0\s+ok$/m);
    expect(result.stdout).toContain("bundle:check: ok, 2 page(s) within budget.");
  });

  it("reads a webpack build and says so", async () => {
    const result = await check(await fakeBuild({ bundler: "webpack" }));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("of the webpack build in");
    expect(result.stdout).toMatch(/^\/\s+marketing\s+5\s+[\d.]+\s+150\.0\s+ok$/m);
    expect(result.stdout).toMatch(/^\/dashboard\s+signed-in\s+4\s+[\d.]+\s+230\.0\s+ok$/m);
  });

  it("exits 1 when a page is over budget", async () => {
    // 5 chunks of 40 kB each for the home page: about 200 kB gzipped, over 150 kB.
    const result = await check(await fakeBuild({ chunkBytes: 40_000 }));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^\/\s+marketing\s+5\s+20\d\.\d\s+150\.0\s+OVER$/m);
    expect(result.stdout).toMatch(/^\/dashboard\s+signed-in\s+4\s+16\d\.\d\s+230\.0\s+ok$/m);
    expect(result.stdout).toContain("bundle:check: FAILED, 1 of 2 page(s) over budget.");
  });

  it("exits 1 when the build holds a benchmark-only route (made with BENCHMARK_ROUTES=1)", async () => {
    const result = await check(await fakeBuild({ benchmarkRoute: true }));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("bundle:check: ok, 2 page(s) within budget.");
    expect(result.stdout).toContain(
      "bundle:check: FAILED, the build holds benchmark-only route(s) /api/bench/projects/route",
    );
  });

  it("exits 1 when the build has no pages", async () => {
    const result = await check(await fakeBuild({ pages: false }));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("bundle:check: FAILED, no pages found in the build.");
  });

  it("exits 1 and says to build when there is no build", async () => {
    const result = await check(path.join(tmpdir(), `no-build-${randomBytes(4).toString("hex")}`));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("run npm run build first");
  });

  it("exits 1 when a chunk the manifests name is missing", async () => {
    const dir = await fakeBuild();
    await rm(path.join(dir, "static/chunks/home.js"));
    const result = await check(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot read the build in .*home\.js/);
  });
});
