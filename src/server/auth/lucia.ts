/**
 * The Lucia instance and the session policy.
 *
 * Policy (configurable, defaults justified in the README "Sessions" section):
 * - idle timeout `SESSION_IDLE_TIMEOUT_HOURS` (default 168 h = 7 days): Lucia's sliding expiry;
 *   a session used after half its idle window is extended by a full window;
 * - absolute lifetime `SESSION_ABSOLUTE_LIFETIME_HOURS` (default 720 h = 30 days, OWASP ASVS
 *   4.0.3 V3.3.2 level 1), enforced in `session.ts` whatever the use.
 * Cookie (cookie.ts): HttpOnly (always, by Lucia), SameSite=Lax, Path=/, and Secure with the
 * `__Host-` prefix when APP_URL is https.
 */
import "server-only";
import { Lucia, TimeSpan } from "lucia";
import { env } from "@/env";
import { HashedSessionAdapter } from "@/server/auth/adapter";
import { sessionCookie } from "@/server/auth/cookie";
import { db } from "@/server/db";

export const lucia = new Lucia(new HashedSessionAdapter(db), {
  sessionExpiresIn: new TimeSpan(env.SESSION_IDLE_TIMEOUT_HOURS, "h"),
  sessionCookie: {
    name: sessionCookie.name,
    expires: true,
    attributes: { secure: sessionCookie.secure, sameSite: sessionCookie.sameSite, path: "/" },
  },
  getSessionAttributes: (attributes) => ({
    absoluteExpiresAt: attributes.absoluteExpiresAt,
    lastSeenAt: attributes.lastSeenAt,
  }),
  getUserAttributes: (attributes) => ({
    email: attributes.email,
    name: attributes.name,
    disabledAt: attributes.disabledAt,
    /** Staff (the admin console). The console itself checks again, per request (isAdmin). */
    isAdmin: attributes.isAdmin,
    /** Writes the blog and changelog (/admin/posts). Checked again per request too. */
    isEditor: attributes.isEditor,
    /** When the user hid the first-run checklist (services/onboarding.ts), null if never. */
    checklistDismissedAt: attributes.checklistDismissedAt,
    /** Storage prefix of the processed avatar (src/server/services/uploads.ts); null: initials. */
    avatarKey: attributes.avatarKey,
  }),
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseSessionAttributes: {
      absoluteExpiresAt: Date;
      lastSeenAt: Date;
      userAgent: string | null;
      ipAddress: string | null;
    };
    DatabaseUserAttributes: {
      email: string;
      name: string;
      disabledAt: Date | null;
      isAdmin: boolean;
      isEditor: boolean;
      checklistDismissedAt: Date | null;
      avatarKey: string | null;
    };
  }
}
