/**
 * Stripe operations, on the embedded database or `DATABASE_URL`, against real Stripe when
 * `STRIPE_SECRET_KEY` is set, otherwise against the local emulator that `npm run dev` runs:
 *
 *   npm run stripe:replay -- <event id>   re-run a stored webhook event (e.g. one that failed)
 *   npm run billing:reconcile             re-sync every workspace's subscription from Stripe
 *   npm run stripe:setup                  create the plans' products and prices in the Stripe
 *                                         account (idempotent, by lookup key); prints the
 *                                         STRIPE_PRICE_* lines for your .env
 *
 * Runs with `--conditions=react-server` so the app's server-only modules load outside Next.
 */
import { openDatabase } from "../tools/database";
import { emulatorEnv, emulatorPort, usesEmulator } from "../tools/local-stripe";
import { runScript } from "../tools/run-script";

let databaseUrl: string | undefined;

/** Points the app's env at the database and Stripe, then loads the app's modules. */
async function loadApp() {
  const database = await openDatabase();
  databaseUrl = database.url;
  process.env.DATABASE_URL = database.url;
  if (usesEmulator()) Object.assign(process.env, emulatorEnv(emulatorPort()));
  return database;
}

const commands: Record<string, (args: string[]) => Promise<void>> = {
  async replay([eventId]) {
    if (!eventId || !/^evt_[A-Za-z0-9_]+$/.test(eventId)) {
      throw new Error("usage: npm run stripe:replay -- <event id> (evt_…)");
    }
    const database = await loadApp();
    const { replayEvent } = await import("../src/server/billing/inbox");
    const outcome = await replayEvent(eventId);
    await database.close();
    if (outcome === "failed") throw new Error(`${eventId} failed again: see its lastError`);
    console.log(`  ✓ ${eventId}: ${outcome}`);
  },

  async reconcile() {
    const database = await loadApp();
    const { reconcileAll } = await import("../src/server/billing/sync");
    const { synced, failed } = await reconcileAll();
    await database.close();
    console.log(`  ✓ synced ${synced} workspace(s)`);
    for (const f of failed) console.error(`  ✖ ${f.customerId}: ${f.error}`);
    if (failed.length > 0) throw new Error(`${failed.length} workspace(s) could not be synced`);
  },

  async setup() {
    if (usesEmulator()) Object.assign(process.env, emulatorEnv(emulatorPort()));
    const { setUpStripeCatalogue } = await import("../tools/stripe-setup");
    const lines = await setUpStripeCatalogue();
    console.log("\n# Add to .env:");
    for (const line of lines) console.log(line);
  },
};

runScript(
  async () => {
    const [name, ...args] = process.argv.slice(2).filter((arg) => arg !== "--");
    const command = name ? commands[name] : undefined;
    if (!command)
      throw new Error(`usage: tsx scripts/stripe.ts ${Object.keys(commands).join("|")}`);
    await command(args);
  },
  () => databaseUrl,
);
