/**
 * Runs the Stripe emulator in the foreground: `tsx scripts/stripe-emulator/cli.ts`.
 *
 *   STRIPE_WEBHOOK_SECRET        required, "whsec_…": signs webhook deliveries
 *   STRIPE_EMULATOR_PORT         default 12111
 *   STRIPE_EMULATOR_WEBHOOK_URL  where events are POSTed (e.g. http://localhost:3000/api/stripe/webhook);
 *                                unset = events are only recorded (see the dashboard)
 *   STRIPE_EMULATOR_DATA         JSON file keeping the state across restarts; unset = memory only
 *
 * Seeds the app's products and prices (src/server/billing/plans.ts), logs one line per event and
 * delivery, and stops on SIGINT/SIGTERM.
 */
import { DEFAULT_PORT, emulatorPriceSeeds, startStripeEmulator } from "./index";

async function main(): Promise<void> {
  const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET;
  if (!webhookSecret) {
    throw new Error('STRIPE_WEBHOOK_SECRET is not set (any "whsec_…" value the app also uses).');
  }
  const portText = process.env.STRIPE_EMULATOR_PORT;
  const port = portText ? Number(portText) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`STRIPE_EMULATOR_PORT must be a port number, got "${portText}".`);
  }
  const emulator = await startStripeEmulator({
    port,
    webhookSecret,
    webhookUrl: process.env.STRIPE_EMULATOR_WEBHOOK_URL || undefined,
    dataFile: process.env.STRIPE_EMULATOR_DATA || undefined,
    prices: emulatorPriceSeeds(),
    log: (line) => console.log(`[stripe-emulator] ${line}`),
  });
  console.log(`[stripe-emulator] dashboard: ${emulator.url}/`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void emulator.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
