/**
 * The pure part of reading a page's first-load JavaScript from a `next build` (used by
 * scripts/bundle-budget.ts): which bundler made the build, and which files each page loads,
 * given the manifests' contents. Reading files is the script's job; nothing here touches the file
 * system.
 *
 * Both bundlers write `build-manifest.json` `rootMainFiles` (the framework chunks every page loads
 * as `<script src>`) and a `server/app/<page>_client-reference-manifest.js` per page, whose
 * `clientModules` give each client module's chunks. They differ in what that manifest covers:
 * - Turbopack writes one manifest per page, of exactly the page's client modules, and the
 *   `entryJSFiles` of its segments (the `<script async>` tags Next renders for each layout and the
 *   page). A page loads the root files, its layouts' and page's `entryJSFiles` and the chunks of
 *   every client module of its manifest.
 * - webpack merges the manifests of every route in the same folder once route groups are dropped:
 *   `/(marketing)/page` and `/(auth)/sign-in/page` get the same list of client modules, those of
 *   `(app)`, `(auth)` and `(marketing)` alike (with the chunk list of the entry the merge wrote
 *   last), and there is no `entryJSFiles`. So the page's own client modules are the ones whose
 *   client references its server bundle holds: `server/app/<page>.js` and the server chunks it
 *   loads (`X(0, [ids], …)` → `server/chunks/<id>.js`) register each client component by its
 *   path, a string key of `clientModules`. The RSC payload names a client component with the
 *   chunks of that key (layouts' chunks come that way too: a layout's chunk group is the chunk
 *   list of its client components), and Next renders those chunks as `<script async>` tags.
 */

export type Bundler = "turbopack" | "webpack";

/**
 * The bundler of a build from the files `next build` leaves in the dist dir: Turbopack writes an
 * empty `turbopack` file there, webpack writes `server/webpack-runtime.js`. Undefined when neither
 * (or both: a dist dir one build did not clear) is there.
 */
export function bundlerOf(found: { turbopackMarker: boolean; webpackRuntime: boolean }) {
  if (found.turbopackMarker === found.webpackRuntime) return undefined;
  return found.turbopackMarker ? "turbopack" : "webpack";
}

/**
 * A chunk as a manifest names it, as a path in the dist dir: `/_next/static/chunks/a.js` (a URL)
 * and `static/chunks/a.js?dpl=1` both give `static/chunks/a.js`. webpack's names are URL paths,
 * percent-encoded: `static/chunks/app/%5Bslug%5D/page-1.js` is the file `app/[slug]/page-1.js`.
 */
export function distPathOf(chunk: string): string {
  return decodeURIComponent(chunk.replace(/^\/_next\//, "").replace(/[?#].*$/, ""));
}

/**
 * The JavaScript files of a manifest's chunk list. Turbopack lists files; webpack lists pairs of
 * chunk id and file (`["5213", "static/chunks/5213-ab.js", …]`); CSS files are left out.
 */
export function jsFilesOf(chunks: readonly string[]): string[] {
  return chunks.map(distPathOf).filter((file) => file.endsWith(".js"));
}

/** A client module of a client reference manifest: the part read here. */
export interface ClientModule {
  readonly chunks: readonly string[];
}

/** The segment entries of `entryJSFiles` whose chunks Next renders as `<script>` tags. */
const SCRIPT_ENTRY = /\/(?:layout|page)$/;

/**
 * The files a page of a Turbopack build loads: the root files, the `entryJSFiles` of its layouts
 * and page (not those of its error and not-found boundaries, which Next renders only when the
 * boundary shows; a boundary a page can show arrives through `clientModules`) and the chunks of
 * every client module of its manifest. Repeats removed, in first-seen order.
 */
export function turbopackPageFiles(
  root: readonly string[],
  entryJSFiles: Readonly<Record<string, readonly string[]>>,
  clientModules: Readonly<Record<string, ClientModule>>,
): string[] {
  const scripts = Object.entries(entryJSFiles)
    .filter(([entry]) => SCRIPT_ENTRY.test(entry))
    .flatMap(([, files]) => files);
  const referenced = Object.values(clientModules).flatMap((ref) => ref.chunks);
  return [...new Set(jsFilesOf([...root, ...scripts, ...referenced]))];
}

/**
 * The ids of the server chunks a webpack server entry (`server/app/<page>.js`) loads before it
 * runs: the array of its runtime's `X(0, [ids], () => …)` call (minified, e.g.
 * `b.X(0,[2970,4584],()=>b(b.s=9265))`). Undefined when the source has no such call.
 */
export function serverChunkIds(entrySource: string): string[] | undefined {
  const match = /\.X\(\s*0\s*,\s*\[([^\]]*)\]/.exec(entrySource);
  if (!match) return undefined;
  return match[1]!
    .split(",")
    .map((id) => id.trim().replace(/^(["'])(.*)\1$/, "$2"))
    .filter((id) => id !== "");
}

/**
 * The keys of `clientModules` (absolute module paths in a webpack build) that appear as a string
 * literal in one of `sources`: the client references of a page's server bundle. In `keys` order.
 */
export function referencedClientModules(
  sources: readonly string[],
  keys: Iterable<string>,
): string[] {
  return [...keys].filter((key) => {
    const literals = [JSON.stringify(key), `'${key}'`];
    return sources.some((source) => literals.some((literal) => source.includes(literal)));
  });
}

/**
 * The files a page of a webpack build loads: the root files and the chunks of each client module
 * its server bundle references (`referenced`, keys of `clientModules`). Repeats removed, in
 * first-seen order. A referenced key missing from `clientModules` is an error (thrown).
 */
export function webpackPageFiles(
  root: readonly string[],
  clientModules: Readonly<Record<string, ClientModule>>,
  referenced: readonly string[],
): string[] {
  const chunks = referenced.flatMap((key) => {
    const clientModule = clientModules[key];
    if (clientModule === undefined) throw new Error(`no client module ${key} in the manifest`);
    return clientModule.chunks;
  });
  return [...new Set(jsFilesOf([...root, ...chunks]))];
}
