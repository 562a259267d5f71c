// Runs before each test file: points the app's env (and so `db` and `stripe()`) at the test
// database and the test run's Stripe emulator (src/test/global-setup.ts), and gives `db` a client
// that emits query events, so tests can count SQL statements (src/test/queries.ts).
import { inject } from "vitest";
import { createPrismaClient } from "@/server/db-client";
import { TEST_SECRET_KEY, TEST_WEBHOOK_SECRET } from "./stripe-keys";

process.env.DATABASE_URL = inject("databaseUrl");
// Tests that look at logs build their own logger; the app's stays quiet unless asked.
process.env.LOG_LEVEL ||= "silent";
process.env.STRIPE_API_BASE = inject("stripeApiBase");
process.env.STRIPE_SECRET_KEY = TEST_SECRET_KEY;
process.env.STRIPE_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;

// src/server/db.ts uses the client it finds on globalThis.
(globalThis as { prisma?: unknown }).prisma = createPrismaClient({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  connectionTimeoutMs: 5_000,
  queryEvents: true,
});
