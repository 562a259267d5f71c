/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: true,
  // pg and the Prisma adapter stay as Node modules instead of being bundled into server chunks.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
};

export default nextConfig;
