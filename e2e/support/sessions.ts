import path from "node:path";
import { DEMO_PASSWORD, DEMO_STAFF, DEMO_USERS, DEMO_WORKSPACE } from "../../prisma/demo";

/**
 * The seeded accounts the journeys share (prisma/demo.ts, seeded by `npm start` on the e2e
 * server's fresh database), and where the setup project (e2e/sessions.setup.ts) keeps a browser
 * state signed in as each: specs use it with `test.use({ storageState: SESSIONS.demo })` instead
 * of signing in per test. The sessions are shared by every test and worker: a test that signs
 * out or revokes sessions must sign in on its own (or use an account of its own).
 */
export const SEEDED = {
  demo: { email: DEMO_USERS[0].email, password: DEMO_PASSWORD, slug: DEMO_WORKSPACE.slug },
  staff: { email: DEMO_STAFF.email, password: DEMO_PASSWORD },
} as const;

const DIR = path.resolve(import.meta.dirname, "../../.data/e2e-sessions");

/** Playwright storage-state files, one per seeded account. */
export const SESSIONS = {
  demo: path.join(DIR, "demo.json"),
  staff: path.join(DIR, "staff.json"),
} as const satisfies Record<keyof typeof SEEDED, string>;
