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
 * A `.next` directory shaped like a Turbopack build: two pages, Next's `/_global-error` and a
 * route handler. `chunkBytes` sets the size of each chunk (random bytes, so gzip barely shrinks
 * them).
 */
async function fakeBuild(options: { pages?: boolean; chunkBytes?: number } = {}) {
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
  if (options.pages !== false) {
    appPaths["/(marketing)/page"] = "app/(marketing)/page.js";
    appPaths["/(app)/dashboard/page"] = "app/(app)/dashboard/page.js";
  }
  await write("server/app-paths-manifest.json", JSON.stringify(appPaths));
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
  return dir;
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
    const { pages, shared, polyfills } = await readFirstLoad(await fakeBuild());
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
});

describe("npm run bundle:check", () => {
  it("exits 0 and prints the table when every page is within budget", async () => {
    const result = await check(await fakeBuild());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("kB = 1000 bytes");
    expect(result.stdout).toMatch(/^\/\s+marketing\s+5\s+[\d.]+\s+110\.0\s+ok$/m);
    expect(result.stdout).toMatch(/^\/dashboard\s+signed-in\s+4\s+[\d.]+\s+200\.0\s+ok$/m);
    expect(result.stdout).toContain("bundle:check: ok, 2 page(s) within budget.");
  });

  it("exits 1 when a page is over budget", async () => {
    // 5 chunks of 30 kB each for the home page: about 150 kB gzipped, over 110 kB.
    const result = await check(await fakeBuild({ chunkBytes: 30_000 }));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^\/\s+marketing\s+5\s+15\d\.\d\s+110\.0\s+OVER$/m);
    expect(result.stdout).toMatch(/^\/dashboard\s+signed-in\s+4\s+12\d\.\d\s+200\.0\s+ok$/m);
    expect(result.stdout).toContain("bundle:check: FAILED, 1 of 2 page(s) over budget.");
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
