/**
 * The benchmark-only route handlers of a production build. They live under `src/app/api/bench/`
 * as `route.bench.ts` files, which only a build made with `BENCHMARK_ROUTES=1` compiles
 * (next.config.mjs). `npm run bundle:check` fails a build that holds one, since that build is
 * what ships; `npm run bench -- --no-build` refuses a build that lacks them.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";

/** Where the benchmark routes are mounted. */
const BENCHMARK_PREFIX = "/api/bench/";

/** The benchmark routes among a build's app paths (e.g. `/api/bench/projects/route`). */
export function benchmarkRoutes(appPaths: Iterable<string>): string[] {
  return [...appPaths].filter((appPath) => appPath.startsWith(BENCHMARK_PREFIX));
}

/**
 * The benchmark routes of the build in `distDir`, read from its `server/app-paths-manifest.json`.
 * @throws when there is no build there (the manifest cannot be read).
 */
export async function readBenchmarkRoutes(distDir: string): Promise<string[]> {
  const file = path.join(distDir, "server/app-paths-manifest.json");
  const manifest = JSON.parse(await readFile(file, "utf8")) as Record<string, string>;
  return benchmarkRoutes(Object.keys(manifest));
}
