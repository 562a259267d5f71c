/**
 * `npm run bundle:check [-- <dist dir>]`: after `npm run build`, the gzipped first-load JavaScript
 * of every page of the app, checked against its budget (scripts/lib/bundle-budget.ts).
 *
 * A page's first-load JavaScript is every file a browser loads on a first visit, read from the
 * build in `.next/` (or `<dist dir>`) the way `next start` reads it to render the page:
 * - `build-manifest.json` `rootMainFiles`: the React, Next and Turbopack runtime chunks every page
 *   loads as `<script src>` (`rootMainFilesTree[page]` instead, when a page has an entry there);
 * - `server/app/<page>_client-reference-manifest.js`, `entryJSFiles` of the page's layouts and of
 *   the page: Next renders each of those lists as `<script async src>`;
 * - the same file's `clientModules[*].chunks`: the chunks of every client component the page can
 *   reference. The RSC payload inlined in the HTML names a client component with its chunks, and
 *   the browser loads them as it reads the payload: that is how an `error.tsx` boundary's chunk
 *   arrives, although Next renders its `<script>` only once the boundary shows.
 * The `entryJSFiles` of the error and not-found boundaries are not counted as such: the root
 * not-found's chunk group is not loaded by signed-in pages, which get its `Link` from their own
 * chunks. The pages are the `…/page` entries of `server/app-paths-manifest.json`, except Next's
 * built-in `/_global-error` (shown only when the root layout itself fails). `polyfillFiles` are
 * left out: they are `<script noModule>`, which modern browsers do not load; so are the chunks
 * the router fetches afterwards when it prefetches the routes a page links to.
 *
 * Each distinct file counts once per page, at its gzipped size: `node:zlib` `gzipSync` at the
 * default level (6), byte for byte what `next start` sends to a browser accepting gzip. Prints a
 * table (kB = 1000 bytes) and exits 1 when a page is over budget, no page is found, or there is
 * no build to read.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { z } from "zod";
import { evaluateBudgets, formatKb, formatReport } from "./lib/bundle-budget";

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
  /** Client module → where it is, its chunks as URLs (`/_next/static/chunks/….js`). */
  clientModules: z.record(z.string(), z.object({ chunks: z.array(z.string()) })),
  /** Segment entry (`[project]/src/app/layout`) → its chunks (`static/chunks/….js`). */
  entryJSFiles: z.record(z.string(), z.array(z.string())),
});

/** The segment entries of `entryJSFiles` whose chunks Next renders as `<script>` tags. */
const SCRIPT_ENTRY = /\/(?:layout|page)$/;

/** A chunk URL of `clientModules` (`/_next/static/…`) as a path in the dist dir (`static/…`). */
function distPathOf(chunkUrl: string): string {
  return chunkUrl.replace(/^\/_next\//, "");
}

/** What a first visit to each page loads, read from a build. */
export interface FirstLoad {
  /** App path → the files (relative to the dist dir, e.g. `static/chunks/0abc.js`). */
  readonly pages: Map<string, string[]>;
  /** The files every page loads (`rootMainFiles`). */
  readonly shared: readonly string[];
  /** Left out: `<script noModule>` polyfills. */
  readonly polyfills: readonly string[];
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

/** The files each page of the build in `distDir` loads on a first visit. */
export async function readFirstLoad(distDir: string): Promise<FirstLoad> {
  const buildManifest = buildManifestSchema.parse(
    await readJson(path.join(distDir, "build-manifest.json")),
  );
  const appPaths = appPathsManifestSchema.parse(
    await readJson(path.join(distDir, "server/app-paths-manifest.json")),
  );
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
    const scripts = Object.entries(entryJSFiles)
      .filter(([entry]) => SCRIPT_ENTRY.test(entry))
      .flatMap(([, files]) => files);
    const referenced = Object.values(clientModules).flatMap((ref) => ref.chunks.map(distPathOf));
    pages.set(
      appPath,
      [...root, ...scripts, ...referenced].filter((file) => file.endsWith(".js")),
    );
  }
  return {
    pages,
    shared: buildManifest.rootMainFiles,
    polyfills: buildManifest.polyfillFiles ?? [],
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
  const { pages, shared, polyfills } = await readFirstLoad(distDir);
  const sizes = await gzipSizes(distDir, [...shared, ...[...pages.values()].flat()]);
  const report = evaluateBudgets(pages, sizes);
  const sharedBytes = shared.reduce((sum, file) => sum + (sizes.get(file) ?? 0), 0);
  console.log(`First-load JavaScript per page, gzipped, of the build in ${distDir}`);
  console.log(
    "(kB = 1000 bytes; gzip = node:zlib gzipSync at the default level 6, as next start serves it)",
  );
  console.log("");
  console.log(formatReport(report));
  console.log(
    `Shared by every page (rootMainFiles): ${shared.length} file(s), ${formatKb(sharedBytes)} kB. ` +
      `Not counted: ${polyfills.length} noModule polyfill file(s), /_global-error.`,
  );
  return report.ok ? 0 : 1;
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
