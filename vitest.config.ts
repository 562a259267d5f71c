import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Unit and integration tests (`*.test.ts` beside the code). Integration tests use a real
 * PostgreSQL: an in-memory embedded one by default, `TEST_DATABASE_URL` when set
 * (src/test/global-setup.ts). Files run one at a time because they share that database; each
 * integration test empties the tables first (src/test/database.ts).
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname, "src"),
      // The real module throws outside React Server Components; tests run server code directly.
      "server-only": path.resolve(import.meta.dirname, "src/test/server-only.ts"),
    },
  },
  test: {
    include: [
      "src/**/*.test.ts",
      "packages/**/*.test.ts",
      "scripts/**/*.test.ts",
      "tools/**/*.test.ts",
      "prisma/**/*.test.ts",
    ],
    environment: "node",
    globalSetup: ["src/test/global-setup.ts"],
    setupFiles: ["src/test/setup.ts"],
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
