import {
  API_CONTENT_SECURITY_POLICY,
  commonSecurityHeaders,
} from "./src/server/http/security-headers.ts";

const production = process.env.NODE_ENV === "production";
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
  // pg and the Prisma adapter stay as Node modules instead of being bundled into server chunks.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  // Pages get their nonce-based CSP from src/proxy.ts; API routes serve no HTML.
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
