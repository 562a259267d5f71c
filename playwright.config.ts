import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * Browser journeys against the production build (`npm run build` first): `npm start` serves it on
 * PORT with a fresh in-memory embedded database, migrated and seeded, and the local Stripe emulator.
 *
 * Chromium: `PLAYWRIGHT_CHROMIUM_EXECUTABLE` if set, else a system Chromium when one is installed
 * (Debian's `chromium` package), else the browser `npx playwright install chromium` downloads.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
/** The local Stripe emulator `npm start` runs for the e2e server (e2e/support/stripe.ts reads it). */
export const STRIPE_EMULATOR_PORT = Number(process.env.E2E_STRIPE_EMULATOR_PORT ?? 12112);

const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ||
  ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find(existsSync);

/** The e2e server's METRICS_TOKEN (a test value, not a secret). */
export const E2E_METRICS_TOKEN = "e2e-metrics-token-0123456789";

/** Desktop Chromium, quiet on a closed network: no update checks, sync or background fetches. */
const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath,
    args: [
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Two workers on CI's two cores: journeys wait on the server, mail and webhooks as much as they
  // compute. Each test makes its own accounts or reads the seeded ones (e2e/support/sessions.ts).
  workers: process.env.CI ? 2 : undefined,
  // A journey under two workers on two cores takes up to ~1.5× its time alone (the longest ~25 s).
  timeout: 60_000,
  reporter: "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
  },
  projects: [
    // Signs in once as each seeded account; the journeys start from those browser states.
    { name: "sessions", testMatch: /\.setup\.ts$/, use: chromium },
    { name: "chromium", dependencies: ["sessions"], use: chromium },
  ],
  webServer: {
    // The server's output is kept so `npm test` can check it holds no secret (scripts/check-logs.ts).
    command: "mkdir -p .data && npm start 2>&1 | tee .data/e2e-server.log",
    url: `${baseURL}/api/health/ready`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      APP_URL: baseURL,
      MAIL_TRANSPORT: "outbox",
      EMBEDDED_DB_DIR: "memory://",
      EMBEDDED_DB_PORT: "0",
      // No Stripe key: `npm start` runs the local Stripe emulator (in memory) on this port.
      STRIPE_SECRET_KEY: "",
      STRIPE_EMULATOR_PORT: String(STRIPE_EMULATOR_PORT),
      // As behind one reverse proxy: each browser context's X-Forwarded-For is its client IP
      // (e2e/support/accounts.ts, clientIpHeader), so per-IP limits count each test apart.
      TRUSTED_PROXIES: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      // /api/metrics answers with this Bearer token (e2e/observability.spec.ts).
      METRICS_TOKEN: E2E_METRICS_TOKEN,
    },
  },
});
