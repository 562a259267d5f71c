/**
 * The app's environment, parsed once with zod (@t3-oss/env-nextjs).
 *
 * Every variable is documented in `.env.example`. A missing or invalid variable stops the app with
 * one message listing all of them (see `formatEnvIssues`). Only `DATABASE_URL` is optional while
 * `next build` collects page data: the build needs no database.
 *
 * `DATABASE_URL` is always set at run time: `npm run dev|start` (scripts/with-db.ts) fill it with
 * the embedded PGlite server's URL when you have not set it yourself.
 */
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/** The shape of one validation issue, as Standard Schema reports it. */
interface EnvIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** Builds the single error message that lists every invalid variable, one per line. */
export function formatEnvIssues(issues: readonly EnvIssue[]): string {
  const lines = issues.map((issue) => {
    const name = issue.path
      ?.map((part) => String(typeof part === "object" ? part.key : part))
      .join(".");
    return `  - ${name ?? "(environment)"}: ${issue.message}`;
  });
  return ["Invalid environment variables (see .env.example):", ...lines].join("\n");
}

/** `next build` collects page data with no database: DATABASE_URL is not required then. */
const isBuild = process.env.NEXT_PHASE === "phase-production-build";

/** A whole number read from a string, with bounds; used for sizes and timeouts. */
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: isBuild
      ? z.string().default("")
      : z.url({
          protocol: /^postgres(ql)?$/,
          error: "must be a postgresql:// URL (unset it to use the embedded database)",
        }),
    /**
     * Read replicas of DATABASE_URL (comma-separated postgresql:// URLs): model reads of tRPC
     * queries go to them (src/server/db-replicas.ts). Empty: everything on DATABASE_URL.
     */
    DATABASE_REPLICA_URLS: z
      .string()
      .default("")
      .transform((value) =>
        value
          .split(",")
          .map((url) => url.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z.url({
            protocol: /^postgres(ql)?$/,
            error: "must be comma-separated postgresql:// URLs",
          }),
        ),
      ),
    /** Most connections the app's pool opens (pg.Pool `max`), and each replica's pool. */
    DATABASE_POOL_MAX: int(1, 100).default(10),
    /** How long a query waits for a pooled connection before failing, in ms. */
    DATABASE_CONNECTION_TIMEOUT_MS: int(100, 60_000).default(5_000),
    /** Least severe log level written (src/server/log.ts); "silent" turns logging off. */
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    /** The app's public origin: links in emails, the CSRF Origin check, Secure cookies (https). */
    APP_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
    /** Sessions end after this many hours without use (sliding expiry). */
    SESSION_IDLE_TIMEOUT_HOURS: int(1, 24 * 90).default(24 * 7),
    /** Sessions end this many hours after sign-in, used or not. */
    SESSION_ABSOLUTE_LIFETIME_HOURS: int(1, 24 * 365).default(24 * 30),
    /** "smtp" sends through SMTP_URL; "outbox" keeps mail in the database for /dev/mailbox. */
    MAIL_TRANSPORT: z
      .enum(["smtp", "outbox"])
      .default(process.env.NODE_ENV === "production" ? "smtp" : "outbox"),
    /** smtp(s)://user:password@host:port, required when MAIL_TRANSPORT=smtp. */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    /** The From header of every email. */
    MAIL_FROM: z.string().min(3).default("Starter <no-reply@localhost>"),
    /** Reverse proxies in front of the app that append to X-Forwarded-For (request-meta.ts). */
    TRUSTED_PROXIES: int(0, 10).default(0),
    /** Stripe secret key (sk_test_… or sk_live_…); `npm run dev|start` fill the emulator's. */
    STRIPE_SECRET_KEY: isBuild
      ? z.string().optional()
      : z.string().regex(/^(sk|rk)_(test|live)_/, "must be a Stripe secret key (sk_test_…)"),
    /** Signing secret of the webhook endpoint (whsec_…). */
    STRIPE_WEBHOOK_SECRET: isBuild
      ? z.string().optional()
      : z.string().startsWith("whsec_", "must be a webhook signing secret (whsec_…)"),
    /** Base URL of the local Stripe emulator; unset talks to api.stripe.com. */
    STRIPE_API_BASE: z.url({ protocol: /^https?$/ }).optional(),
    /** Stripe price ids of the paid plans (src/server/billing/plans.ts); defaults: the emulator's. */
    STRIPE_PRICE_PRO_MONTHLY: z.string().startsWith("price_").default("price_pro_monthly"),
    STRIPE_PRICE_PRO_YEARLY: z.string().startsWith("price_").default("price_pro_yearly"),
    STRIPE_PRICE_TEAM_MONTHLY: z.string().startsWith("price_").default("price_team_monthly"),
    STRIPE_PRICE_TEAM_YEARLY: z.string().startsWith("price_").default("price_team_yearly"),
    /**
     * Benchmark-only routes (`/api/bench/*`, used by `npm run bench`): a build made with it holds
     * them (next.config.mjs), a server run with it serves them; off by default, and they answer
     * 404 while it is. Never set it on a server real users reach.
     */
    BENCHMARK_ROUTES: z.stringbool().default(false),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  createFinalSchema: (shape) =>
    z.object(shape).superRefine((env, ctx) => {
      if (isBuild) return; // checked when the server starts
      if (env.MAIL_TRANSPORT === "smtp" && !env.SMTP_URL) {
        ctx.addIssue({
          code: "custom",
          path: ["SMTP_URL"],
          message: "is required when MAIL_TRANSPORT=smtp",
        });
      }
      const local = /^(localhost|127\.0\.0\.1|\[::1\])$/.test(
        new URL(env.APP_URL ?? "http://x").hostname,
      );
      if (env.MAIL_TRANSPORT === "outbox" && env.NODE_ENV === "production" && !local) {
        ctx.addIssue({
          code: "custom",
          path: ["MAIL_TRANSPORT"],
          message: "outbox is for local use: in production it needs a localhost APP_URL",
        });
      }
    }),

  onValidationError(issues) {
    const message = formatEnvIssues(issues);
    console.error(message);
    throw new Error(message);
  },
});
