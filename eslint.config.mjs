import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      "src/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // Layers and boundaries (README, "Layout"). Matched on the resolved file, so relative paths,
    // the @/ alias, package names and dynamic import() are all caught. The `import` plugin is the
    // one eslint-config-next registers for these files.
    files: ["**/*.{js,jsx,mjs,ts,tsx,mts,cts}"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./packages",
              from: ["./src", "./scripts", "./tools", "./e2e", "./prisma"],
              message:
                "packages/ are products of their own: they import no app code (pass what they need in).",
            },
            {
              target: "./src",
              from: ["./scripts", "./tools", "./e2e"],
              message:
                "src/ imports no tooling: scripts/, tools/ and e2e/ depend on the app, not the reverse.",
            },
            {
              target: ["./tools", "./e2e", "./prisma"],
              from: "./scripts",
              message:
                "scripts/ holds entry points only: import the module they use from tools/ or packages/.",
            },
            {
              // Services are the unit of testing below tRPC; their tests may call through a router.
              target: "./src/server/services/**/!(*.test).ts",
              from: "./src/server/api",
              message: "Services never import tRPC: procedures call services, not the reverse.",
            },
            {
              target: ["./src/schemas", "./src/components"],
              from: "./src/server",
              message:
                "Schemas and components never import server code (the router's type comes from @/trpc/types).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/server/services/**/*.ts"],
    ignores: ["src/server/services/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@trpc/*"],
              message:
                "Services never import tRPC: throw a DomainError, which middleware maps to TRPCError.",
            },
          ],
        },
      ],
    },
  },
  {
    // Every spec runs under the page guard (no console errors, no sideways scroll).
    files: ["e2e/**/*.ts"],
    ignores: ["e2e/support/test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test", "expect"],
              message:
                "Import test and expect from e2e/support/test.ts: they carry the page guard.",
            },
          ],
        },
      ],
    },
  },
  {
    // CommonJS on purpose: it must run on any Node to say which one the project needs.
    files: ["scripts/check-node.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];

export default config;
