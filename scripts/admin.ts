/**
 * Staff access to the admin console (`/admin`), on the embedded database or `DATABASE_URL`:
 *
 *   npm run admin:grant -- <email>             make the account an admin
 *   npm run admin:grant -- --revoke <email>    take it back (same as `npm run admin:revoke -- <email>`)
 *   npm run admin:revoke -- <email>
 *
 * The only way to grant it: the console never offers it. Each change is audited (`admin.granted` /
 * `admin.revoked`, no actor, `{ email, via: "cli" }`).
 *
 * Runs with `--conditions=react-server` so the app's server-only modules load outside Next.
 */
import { z } from "zod";
import { openDatabase } from "../tools/database";
import { emulatorEnv, emulatorPort, usesEmulator } from "../tools/local-stripe";
import { runScript } from "../tools/run-script";

let databaseUrl: string | undefined;

/**
 * Points the app's env at the database (and, without Stripe keys, at the local Stripe emulator's
 * settings, which the app's env requires; nothing here calls Stripe), then loads the app's modules.
 */
async function loadApp() {
  const database = await openDatabase();
  databaseUrl = database.url;
  process.env.DATABASE_URL = database.url;
  if (usesEmulator()) Object.assign(process.env, emulatorEnv(emulatorPort()));
  return database;
}

const emailArg = z
  .string({ error: "usage: npm run admin:grant -- [--revoke] <email>" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: (issue) => `Not an email address: ${String(issue.input)}` }));

/** Sets `isAdmin` on the account of `rawEmail` and audits it. */
async function setAdmin(rawEmail: string | undefined, isAdmin: boolean) {
  const email = emailArg.parse(rawEmail);
  const database = await loadApp();
  try {
    const { db } = await import("../src/server/db");
    const { recordAudit } = await import("../src/server/audit/log");
    const changed = await db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({
        where: { email },
        select: { id: true, isAdmin: true },
      });
      if (!user) throw new Error(`No account has the email ${email}.`);
      if (user.isAdmin === isAdmin) return false;
      await tx.user.update({ where: { id: user.id }, data: { isAdmin } });
      await recordAudit(tx, {
        workspaceId: null,
        actorId: null,
        action: isAdmin ? "admin.granted" : "admin.revoked",
        targetType: "user",
        targetId: user.id,
        metadata: { email, via: "cli" },
      });
      return true;
    });
    await db.$disconnect();
    const what = isAdmin ? "is an admin" : "is no longer an admin";
    console.log(`  ✓ ${email} ${what}${changed ? "" : " (unchanged)"}`);
  } finally {
    await database.close();
  }
}

runScript(
  async () => {
    const args = process.argv.slice(2).filter((arg) => arg !== "--");
    const [command, ...rest] = args;
    const revokeFlag = rest.includes("--revoke");
    const emails = rest.filter((arg) => arg !== "--revoke");
    if ((command !== "grant" && command !== "revoke") || emails.length > 1) {
      throw new Error(
        "usage: npm run admin:grant -- [--revoke] <email> | npm run admin:revoke -- <email>",
      );
    }
    await setAdmin(emails[0], command === "grant" && !revokeFlag);
  },
  () => databaseUrl,
);
