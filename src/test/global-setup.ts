/**
 * Vitest global setup: one migrated database for the whole run. `TEST_DATABASE_URL` when set
 * (its schema is migrated, its rows are emptied by each test), otherwise a fresh in-memory
 * embedded PostgreSQL on a free port. Tests read the URL through `inject("databaseUrl")`.
 * Also one local Stripe emulator (packages/stripe-emulator) on a free port, which the app's Stripe
 * client talks to (`inject("stripeApiBase")`). It records events without delivering them: tests
 * read them back and post them to the webhook route handler in the order they choose.
 */
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase } from "@saas/local-postgres";
import { applyPendingMigrations } from "@saas/local-postgres/migrate";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "../../prisma/paths";
import { startStripeEmulator } from "@saas/stripe-emulator";
import { emulatorPriceSeeds } from "../server/billing/emulator-prices";
import { TEST_WEBHOOK_SECRET } from "./stripe-keys";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    stripeApiBase: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  const embedded = external ? null : await startEmbeddedDatabase({ dataDir: "memory://", port: 0 });
  const databaseUrl = external ?? embedded!.url;
  await applyPendingMigrations({
    connectionString: databaseUrl,
    migrationsDir: MIGRATIONS_DIR,
    schemaPath: SCHEMA_PATH,
  });
  console.log(`[vitest] database: ${external ? "TEST_DATABASE_URL" : "embedded (in memory)"}`);
  project.provide("databaseUrl", databaseUrl);
  const stripe = await startStripeEmulator({
    port: 0,
    webhookSecret: TEST_WEBHOOK_SECRET,
    prices: emulatorPriceSeeds(),
  });
  project.provide("stripeApiBase", stripe.url);
  return async () => {
    await stripe.close();
    await embedded?.close();
  };
}
