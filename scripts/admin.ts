/**
 * Staff access to the admin console (`/admin`), on the embedded database or `DATABASE_URL`:
 *
 *   npm run admin:grant -- <email>                  make the account an admin
 *   npm run admin:grant -- --revoke <email>         take it back (same as `npm run admin:revoke -- <email>`)
 *   npm run admin:revoke -- <email>
 *   npm run admin:grant -- --role editor <email>    make it an editor (/admin/posts only)
 *   npm run admin:revoke -- --role editor <email>
 *
 * The only way to grant either role: the console never offers it. Each change is audited
 * (`admin.granted` / `admin.revoked`, `editor.granted` / `editor.revoked`; no actor,
 * `{ email, via: "cli" }`).
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

const USAGE =
  "usage: npm run admin:grant -- [--role admin|editor] [--revoke] <email> | npm run admin:revoke -- [--role admin|editor] <email>";

/** The staff roles and their User flags. */
const ROLES = { admin: "isAdmin", editor: "isEditor" } as const;
type StaffRole = keyof typeof ROLES;

const emailArg = z
  .string({ error: USAGE })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: (issue) => `Not an email address: ${String(issue.input)}` }));

/** Sets (`on`) or clears the flag of `role` on the account of `rawEmail` and audits it. */
async function setRole(role: StaffRole, rawEmail: string | undefined, on: boolean) {
  const email = emailArg.parse(rawEmail);
  const flag = ROLES[role];
  const database = await loadApp();
  try {
    const { db } = await import("../src/server/db");
    const { recordAudit } = await import("../src/server/audit/log");
    const changed = await db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({
        where: { email },
        select: { id: true, isAdmin: true, isEditor: true },
      });
      if (!user) throw new Error(`No account has the email ${email}.`);
      if (user[flag] === on) return false;
      await tx.user.update({ where: { id: user.id }, data: { [flag]: on } });
      await recordAudit(tx, {
        workspaceId: null,
        actorId: null,
        action: `${role}.${on ? "granted" : "revoked"}`,
        targetType: "user",
        targetId: user.id,
        metadata: { email, via: "cli" },
      });
      return true;
    });
    await db.$disconnect();
    const what = on ? `is an ${role}` : `is no longer an ${role}`;
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
    const roleAt = rest.indexOf("--role");
    const role = roleAt >= 0 ? rest[roleAt + 1] : "admin";
    const emails = rest.filter(
      (arg, i) => arg !== "--revoke" && (roleAt < 0 || (i !== roleAt && i !== roleAt + 1)),
    );
    if (
      (command !== "grant" && command !== "revoke") ||
      emails.length > 1 ||
      (role !== "admin" && role !== "editor")
    ) {
      throw new Error(USAGE);
    }
    await setRole(role, emails[0], command === "grant" && !revokeFlag);
  },
  () => databaseUrl,
);
