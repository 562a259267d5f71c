/**
 * `npm run stripe:emulator`: the local Stripe emulator (packages/stripe-emulator) in the
 * foreground, seeded with the app's paid prices (src/server/billing/emulator-prices.ts).
 * Settings from the environment: STRIPE_WEBHOOK_SECRET (required), STRIPE_EMULATOR_PORT,
 * STRIPE_EMULATOR_WEBHOOK_URL, STRIPE_EMULATOR_DATA (the package's cli.ts).
 */
import { runStripeEmulatorCli } from "@saas/stripe-emulator/cli";
import { emulatorPriceSeeds } from "../src/server/billing/emulator-prices";

runStripeEmulatorCli({ prices: emulatorPriceSeeds() });
