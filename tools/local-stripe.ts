/**
 * Stripe for local runs. With no `STRIPE_SECRET_KEY` configured, `npm run dev|start` start the
 * local Stripe emulator (packages/stripe-emulator) and give the app these settings, so the whole
 * payment journey runs offline with unchanged app code. With a real key nothing here applies.
 */

/** The emulator accepts any sk_test_ key; this one says where it came from. */
export const EMULATOR_SECRET_KEY = "sk_test_local_emulator";
/** The signing secret the emulator and the app share for local webhook deliveries. */
export const EMULATOR_WEBHOOK_SECRET = "whsec_local_emulator";
/** stripe-mock's port, which Stripe developers already know. */
export const DEFAULT_EMULATOR_PORT = 12111;

/** True when no real Stripe key is configured: the local emulator stands in. */
export function usesEmulator(): boolean {
  return !process.env.STRIPE_SECRET_KEY;
}

/** The emulator's port: `STRIPE_EMULATOR_PORT`, default 12111. */
export function emulatorPort(): number {
  const port = Number(process.env.STRIPE_EMULATOR_PORT || DEFAULT_EMULATOR_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error("STRIPE_EMULATOR_PORT must be a port number (0-65535)");
  }
  return port;
}

/** The app's Stripe variables when it talks to the emulator at `port`. */
export function emulatorEnv(port: number): Record<string, string> {
  return {
    STRIPE_SECRET_KEY: EMULATOR_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: process.env.STRIPE_WEBHOOK_SECRET || EMULATOR_WEBHOOK_SECRET,
    STRIPE_API_BASE: `http://127.0.0.1:${port}`,
  };
}
