/**
 * `npm run bundle:check [-- <dist dir>]`: after `npm run build` (Turbopack) or
 * `next build --webpack`, the gzipped first-load JavaScript of every page of the app, checked
 * against its budget (tools/bundle-budget.ts).
 *
 * A page's first-load JavaScript is every file a browser loads on a first visit, read from the
 * build in `.next/` (or `<dist dir>`) the way the Next server reads it to render the page:
 * - `build-manifest.json` `rootMainFiles`: the React, Next and bundler runtime chunks every page
 *   loads as `<script src>` (`rootMainFilesTree[page]` instead, when a page has an entry there);
 * - the chunks of the page's layouts, page and client components, from
 *   `server/app/<page>_client-reference-manifest.js`. The RSC payload inlined in the HTML names
 *   each client component with its chunks, and the browser loads them as it reads the payload:
 *   that is how an `error.tsx` boundary's chunk arrives, although the boundary shows only on an
 *   error. Which client components are the page's depends on the bundler (detected from the
 *   build; tools/first-load.ts): under Turbopack, those of the page's manifest, plus the
 *   `entryJSFiles` of its layouts and page (rendered as `<script async src>`); under webpack,
 *   whose manifests are merged across route groups, those whose client reference the page's
 *   server bundle (`server/app/<page>.js` and the server chunks it loads) holds.
 * The pages are the `…/page` entries of `server/app-paths-manifest.json`, except Next's built-in
 * `/_global-error` (shown only when the root layout itself fails). `polyfillFiles` are left out:
 * they are `<script noModule>`, which modern browsers do not load; so are the chunks the router
 * fetches afterwards when it prefetches the routes a page links to.
 *
 * Each distinct file counts once per page, at its gzipped size: `node:zlib` `gzipSync` at the
 * default level (6), byte for byte what the Next server sends to a browser accepting gzip. Prints a
 * table (kB = 1000 bytes) and exits 1 when a page is over budget, no page is found, there is no
 * build to read, or the build holds a benchmark-only route (tools/benchmark-routes.ts: it ships).
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { z } from "zod";
import { benchmarkRoutes } from "../tools/benchmark-routes";
import { evaluateBudgets, formatKb, formatReport } from "../tools/bundle-budget";
import {
  bundlerOf,
  referencedClientModules,
  serverChunkIds,
  turbopackPageFiles,
  webpackPageFiles,
  type Bundler,
} from "../tools/first-load";

const ROOT = path.resolve(import.meta.dirname, "..");

/** The pages of the app-paths manifest that are not the app's own routes. */
const SKIPPED_PAGES = new Set(["/_global-error/page"]);

const buildManifestSchema = z.object({
  rootMainFiles: z.array(z.string()),
  rootMainFilesTree: z.record(z.string(), z.array(z.string())).optional(),
  polyfillFiles: z.array(z.string()).optional(),
});

/** App path (`/(marketing)/pricing/page`) → server file (`app/(marketing)/pricing/page.js`). */
const appPathsManifestSchema = z.record(z.string(), z.string());

const clientReferenceManifestSchema = z.object({
  /**
   * Client module → its chunks: URLs (`/_next/static/chunks/….js`) under Turbopack, pairs of
   * chunk id and file (`"5213", "static/chunks/5213-….js"`) under webpack.
   */
  clientModules: z.record(z.string(), z.object({ chunks: z.array(z.string()) })),
  /** Turbopack only: segment entry (`[project]/src/app/layout`) → its chunks (`static/chunks/….js`). */
  entryJSFiles: z.record(z.string(), z.array(z.string())).optional(),
});

/** What a first visit to each page loads, read from a build. */
export interface FirstLoad {
  readonly bundler: Bundler;
  /** App path → the files (relative to the dist dir, e.g. `static/chunks/0abc.js`). */
  readonly pages: Map<string, string[]>;
  /** The files every page loads (`rootMainFiles`). */
  readonly shared: readonly string[];
  /** Left out: `<script noModule>` polyfills. */
  readonly polyfills: readonly string[];
  /** Every app path of the build, pages and route handlers (`/api/health/route`). */
  readonly appPaths: readonly string[];
}

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, "utf8")) as unknown;
}

/** Evaluates a `*_client-reference-manifest.js` file as Next does and returns its entry. */
async function readClientReferenceManifest(file: string, appPath: string) {
  const context: { __RSC_MANIFEST?: Record<string, unknown> } = {};
  runInNewContext(await readFile(file, "utf8"), context);
  const entry = context.__RSC_MANIFEST?.[appPath];
  if (entry === undefined) throw new Error(`${file} has no entry for ${appPath}`);
  return clientReferenceManifestSchema.parse(entry);
}

/** The bundler that built `distDir`, or an error saying what is missing. */
export function detectBundler(distDir: string): Bundler {
  const bundler = bundlerOf({
    turbopackMarker: existsSync(path.join(distDir, "turbopack")),
    webpackRuntime: existsSync(path.join(distDir, "server/webpack-runtime.js")),
  });
  if (bundler === undefined) {
    throw new Error(
      "cannot tell the bundler: expected exactly one of turbopack (Turbopack) and " +
        "server/webpack-runtime.js (webpack)",
    );
  }
  return bundler;
}

/**
 * The sources of a webpack page's server bundle: its entry (`server/<serverFile>`) and the server
 * chunks the entry loads. Files read once for all pages (`cache`).
 */
async function webpackServerSources(
  distDir: string,
  serverFile: string,
  cache: Map<string, Promise<string>>,
): Promise<string[]> {
  const read = (file: string) => {
    let source = cache.get(file);
    if (source === undefined) {
      source = readFile(file, "utf8");
      cache.set(file, source);
    }
    return source;
  };
  const entryFile = path.join(distDir, "server", serverFile);
  const entry = await read(entryFile);
  const ids = serverChunkIds(entry);
  if (ids === undefined)
    throw new Error(`${entryFile} loads no server chunks the way webpack does`);
  const chunks = await Promise.all(
    ids.map((id) => read(path.join(distDir, "server/chunks", `${id}.js`))),
  );
  return [entry, ...chunks];
}

/** The files each page of the build in `distDir` loads on a first visit. */
export async function readFirstLoad(distDir: string): Promise<FirstLoad> {
  const bundler = detectBundler(distDir);
  const buildManifest = buildManifestSchema.parse(
    await readJson(path.join(distDir, "build-manifest.json")),
  );
  const appPaths = appPathsManifestSchema.parse(
    await readJson(path.join(distDir, "server/app-paths-manifest.json")),
  );
  const sources = new Map<string, Promise<string>>();
  const pages = new Map<string, string[]>();
  for (const [appPath, serverFile] of Object.entries(appPaths)) {
    if (!appPath.endsWith("/page") || SKIPPED_PAGES.has(appPath)) continue;
    const manifestFile = path.join(
      distDir,
      "server",
      serverFile.replace(/\.js$/, "_client-reference-manifest.js"),
    );
    const { clientModules, entryJSFiles } = await readClientReferenceManifest(
      manifestFile,
      appPath,
    );
    const root = buildManifest.rootMainFilesTree?.[appPath] ?? buildManifest.rootMainFiles;
    if (bundler === "turbopack") {
      if (entryJSFiles === undefined) throw new Error(`${manifestFile} has no entryJSFiles`);
      pages.set(appPath, turbopackPageFiles(root, entryJSFiles, clientModules));
    } else {
      const server = await webpackServerSources(distDir, serverFile, sources);
      const referenced = referencedClientModules(server, Object.keys(clientModules));
      pages.set(appPath, webpackPageFiles(root, clientModules, referenced));
    }
  }
  return {
    bundler,
    pages,
    shared: buildManifest.rootMainFiles,
    polyfills: buildManifest.polyfillFiles ?? [],
    appPaths: Object.keys(appPaths),
  };
}

/** File → gzipped size in bytes, for every file of `files` (relative to `distDir`). */
export async function gzipSizes(distDir: string, files: Iterable<string>) {
  const sizes = new Map<string, number>();
  for (const file of new Set(files)) {
    sizes.set(file, gzipSync(await readFile(path.join(distDir, file))).length);
  }
  return sizes;
}

/** Reads the build, prints the report and returns the exit code. */
export async function checkBundleBudget(distDir: string): Promise<number> {
  if (
    !existsSync(path.join(distDir, "build-manifest.json")) ||
    !existsSync(path.join(distDir, "server/app-paths-manifest.json"))
  ) {
    console.error(`bundle:check: no production build in ${distDir}: run npm run build first.`);
    return 1;
  }
  const { bundler, pages, shared, polyfills, appPaths } = await readFirstLoad(distDir);
  const sizes = await gzipSizes(distDir, [...shared, ...[...pages.values()].flat()]);
  const report = evaluateBudgets(pages, sizes);
  const sharedBytes = shared.reduce((sum, file) => sum + (sizes.get(file) ?? 0), 0);
  console.log(`First-load JavaScript per page, gzipped, of the ${bundler} build in ${distDir}`);
  console.log(
    "(kB = 1000 bytes; gzip = node:zlib gzipSync at the default level 6, as the Next server serves it)",
  );
  console.log("");
  console.log(formatReport(report));
  console.log(
    `Shared by every page (rootMainFiles): ${shared.length} file(s), ${formatKb(sharedBytes)} kB. ` +
      `Not counted: ${polyfills.length} noModule polyfill file(s), /_global-error.`,
  );
  const benchmark = benchmarkRoutes(appPaths);
  if (benchmark.length > 0) {
    console.log(
      `bundle:check: FAILED, the build holds benchmark-only route(s) ${benchmark.join(", ")}: ` +
        "it was made with BENCHMARK_ROUTES=1 (npm run bench); run npm run build without it.",
    );
  }
  return report.ok && benchmark.length === 0 ? 0 : 1;
}

async function main(): Promise<number> {
  const distDir = path.resolve(ROOT, process.argv[2] ?? ".next");
  try {
    return await checkBundleBudget(distDir);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`bundle:check: cannot read the build in ${distDir}: ${message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
