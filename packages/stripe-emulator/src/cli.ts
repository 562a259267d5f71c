/**
 * Runs the Stripe emulator in the foreground, configured by the environment, until SIGINT or
 * SIGTERM. Logs one line per event and delivery.
 *
 *   STRIPE_WEBHOOK_SECRET        required, "whsec_…": signs webhook deliveries
 *   STRIPE_EMULATOR_PORT         default 12111
 *   STRIPE_EMULATOR_WEBHOOK_URL  where events are POSTed (e.g. http://localhost:3000/api/webhooks/stripe);
 *                                unset = events are only recorded (see the dashboard)
 *   STRIPE_EMULATOR_DATA         JSON file keeping the state across restarts; unset = memory only
 *
 * An app's entry point calls {@link runStripeEmulatorCli} with its price catalogue; run directly
 * (`tsx packages/stripe-emulator/src/cli.ts`), the emulator starts with no products (create them
 * through the API, as `stripe.products.create` / `stripe.prices.create` do).
 */
import { pathToFileURL } from "node:url";
import { DEFAULT_PORT, type EmulatorPriceSeed, startStripeEmulator } from "./index";

async function main(prices: EmulatorPriceSeed[]): Promise<void> {
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
    prices,
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

/**
 * Starts the emulator with `prices` (created at start when absent) and the environment's
 * settings. A failure (a missing secret, a bad port, the port taken) prints one line and exits
 * the process with code 1.
 */
export function runStripeEmulatorCli(options: { prices?: EmulatorPriceSeed[] } = {}): void {
  main(options.prices ?? []).catch((error: unknown) => {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runStripeEmulatorCli();
}
