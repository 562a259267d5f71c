import { fileURLToPath } from "node:url";
import { z } from "zod";
import {
  API_CONTENT_SECURITY_POLICY,
  commonSecurityHeaders,
} from "./src/server/http/security-headers.ts";

const production = process.env.NODE_ENV === "production";

/**
 * Benchmark-only route handlers (`route.bench.ts` files under `src/app/api/bench/`, for
 * `npm run bench`) are compiled only into a build made with BENCHMARK_ROUTES=1 (the bench's own
 * build): Next builds the files whose extension is in `pageExtensions`, and `bench.ts` joins
 * Next's defaults only then. A normal build holds no such route at all (`npm run bundle:check`
 * fails one that does). Parsed as src/env.ts parses it at run time, where it also decides whether
 * a built route answers.
 */
const benchmarkRoutes = z
  .stringbool()
  .default(false)
  .parse(process.env.BENCHMARK_ROUTES || undefined);
const PAGE_EXTENSIONS = ["tsx", "ts", "jsx", "js"];

const common = Object.entries(commonSecurityHeaders(production)).map(([key, value]) => ({
  key,
  value,
}));

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // `npm start` runs .next/standalone/server.js: the app with only the files it needs (Dockerfile).
  output: "standalone",
  poweredByHeader: false,
  typedRoutes: true,
  pageExtensions: benchmarkRoutes ? [...PAGE_EXTENSIONS, "bench.ts"] : PAGE_EXTENSIONS,
  // pg and the Prisma adapter stay as Node modules instead of being bundled into server chunks.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  // Next's file-system cache, plus the hash-based CSP of every page served from it.
  cacheHandler: fileURLToPath(new URL("./src/server/http/public-page-cache.mjs", import.meta.url)),
  // Browsers ask for /favicon.ico whenever a page carries no <link rel="icon"> (e.g. a 404 whose
  // metadata could not be resolved): the icon, not a 404 logged in the console.
  async redirects() {
    return [
      { source: "/favicon.ico", destination: "/favicon.svg", permanent: true },
      // Page 1 of a post list has one URL, the list's own.
      { source: "/blog/page/1", destination: "/blog", permanent: true },
      { source: "/changelog/page/1", destination: "/changelog", permanent: true },
    ];
  },
  // The post lists are their page 1: rendered on the first request and cached (ISR), as the
  // numbered pages are, since the build has no database to prerender them from.
  async rewrites() {
    return [
      { source: "/blog", destination: "/blog/page/1" },
      { source: "/changelog", destination: "/changelog/page/1" },
    ];
  },
  // Pages get their CSP from src/proxy.ts (nonce) or from the cache handler (hashes); API routes
  // serve no HTML.
  async headers() {
    return [
      { source: "/:path*", headers: common },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
      },
    ];
  },
};

export default nextConfig;
