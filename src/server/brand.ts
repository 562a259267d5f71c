/**
 * The product's brand, read from the environment when the server starts (`BRAND_NAME`,
 * `BRAND_LOGO_URL`; src/env-schema.ts), never at build time: one build serves every brand and
 * environment. Server components read it here and pass it to client components as props.
 */
import "server-only";
import { env } from "@/env";

/**
 * The product in one sentence: the default meta description (root layout) and the line public
 * pages, their Open Graph cards and images fall back to.
 */
export const BRAND_TAGLINE =
  "Launch your subscription product: typed end to end, payments included.";

/** What pages show of the brand. */
export interface Brand {
  /** The product's name, e.g. "Starter". */
  readonly name: string;
  /** A path on this site to the logo (e.g. "/logo.svg"), or null for the plain colour mark. */
  readonly logoUrl: string | null;
}

/** The brand this server runs with. */
export function getBrand(): Brand {
  return { name: env.BRAND_NAME, logoUrl: env.BRAND_LOGO_URL ?? null };
}

/** The From header of emails: `MAIL_FROM`, else the brand's name at no-reply@localhost. */
export function mailFrom(): string {
  if (env.MAIL_FROM) return env.MAIL_FROM;
  // A quoted display name may hold commas and dots ("Acme, Inc."); quotes inside are dropped.
  return `"${env.BRAND_NAME.replaceAll('"', "")}" <no-reply@localhost>`;
}
