/**
 * The one list of environment variables: each one's zod schema with its metadata (what it is,
 * whether it is a secret, where it is required). Everything about the environment derives from it:
 * - `src/env.ts` parses the app's variables ({@link APP_VARIABLES}) once, at start;
 * - `npm run env:check` (tools/env-check.ts) reports every variable, its source and its problems;
 * - `.env.example` is generated from it (`npm run env:example`; a test keeps it from drifting).
 *
 * Nothing here reads a value at build time: one build (Docker image, `.next/standalone`) serves
 * every environment, and only these variables, read when the server starts, tell them apart.
 *
 * Importing this module validates nothing (the scripts read the metadata of a broken environment).
 */
import { z } from "zod";

/** Where a deployment runs: the value of `APP_ENV`. */
export const ENVIRONMENTS = ["local", "staging", "production"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** What a variable is, for people (`.env.example`, `npm run env:check`). */
export interface EnvVariableMeta {
  /** One or more sentences; the first line is the summary. */
  readonly description: string;
  /** A secret is never printed: `npm run env:check` masks it ({@link maskValue}). */
  readonly secret?: boolean;
  /** The environments (`APP_ENV`) in which it must be set explicitly; start-up fails otherwise. */
  readonly requiredIn?: readonly Environment[];
  /** A condition under which it is required, checked by {@link checkEnvRules}; for people. */
  readonly requiredWhen?: string;
  /** A value to show in `.env.example` (default: empty, or the default when it is a short one). */
  readonly example?: string;
  /** "app": read by the server and the worker; "local": only by npm scripts and tests. */
  readonly scope: "app" | "local";
  /** Set by the tooling itself (NODE_ENV): reported, but left out of `.env.example`. */
  readonly managed?: boolean;
}

/** The metadata of each variable's schema (zod registry: `envRegistry.get(schema)`). */
export const envRegistry = z.registry<EnvVariableMeta>();

/** `schema` with `meta` attached. */
function variable<T extends z.ZodType>(schema: T, meta: EnvVariableMeta): T {
  envRegistry.add(schema, meta);
  return schema;
}

/** `next build` collects page data with no database and no keys: those are not required then. */
const isBuild = process.env.NEXT_PHASE === "phase-production-build";

/** A whole number read from a string, with bounds; used for sizes and timeouts. */
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const port = () => int(0, 65_535);
const priceId = () => z.string().startsWith("price_", "must be a Stripe price id (price_…)");

const REQUIRED_DEPLOYED = ["staging", "production"] as const satisfies Environment[];

/** The variables the server and the worker read, parsed by `src/env.ts`. */
export const APP_VARIABLES = {
  NODE_ENV: variable(z.enum(["development", "test", "production"]).default("development"), {
    description:
      "Set by the tooling: development (next dev), test (vitest), production (the built server).",
    scope: "app",
    managed: true,
  }),
  APP_ENV: variable(z.enum(ENVIRONMENTS).optional(), {
    description: [
      "Which deployment this is: local, staging or production. It decides which variables are",
      "required (this file's sections) and is reported with errors. Default: production for the",
      "built server, local otherwise; `npm run dev|start` on the embedded database use local.",
    ].join("\n"),
    scope: "app",
  }),
  PORT: variable(port().default(3000), {
    description: "Port the standalone server (`npm start`, the Docker image) listens on.",
    scope: "app",
    example: "3000",
  }),
  HOSTNAME: variable(z.string().optional(), {
    description: [
      "Interface it listens on: default 0.0.0.0 (all IPv4; :: for IPv6 too). On the embedded",
      "database it is always 127.0.0.1. Container runtimes export HOSTNAME as the container's",
      "name and an exported value wins over .env: export HOSTNAME=0.0.0.0 there (the Dockerfile",
      "does).",
    ].join("\n"),
    scope: "app",
  }),
  APP_URL: variable(z.url({ protocol: /^https?$/ }).default("http://localhost:3000"), {
    description: [
      "The app's public origin: links in emails, canonical and Open Graph URLs, the CSRF Origin",
      "check, and Secure + __Host- cookies when it is https. Default http://localhost:3000",
    ].join("\n"),
    scope: "app",
    requiredIn: REQUIRED_DEPLOYED,
    example: "http://localhost:3000",
  }),
  BRAND_NAME: variable(z.string().trim().min(1).max(60).default("Starter"), {
    description:
      "The product's name, shown in every page's header and title, and the default From name of emails.",
    scope: "app",
    example: "Starter",
  }),
  BRAND_LOGO_URL: variable(
    z
      .string()
      .regex(/^\/(?!\/)\S*$/, "must be a path on this site, e.g. /logo.svg (a file in public/)")
      .optional(),
    {
      description: [
        "The logo beside the name, as a path on this site (a file in public/, e.g. /logo.svg).",
        "Unset: a plain colour mark.",
      ].join("\n"),
      scope: "app",
    },
  ),
  DATABASE_URL: variable(
    isBuild
      ? z.string().default("")
      : z.url({
          protocol: /^postgres(ql)?$/,
          error: "must be a postgresql:// URL (unset it to use the embedded database)",
        }),
    {
      description: [
        "PostgreSQL the app uses. Locally, leave it unset for the embedded database, which",
        "`npm run dev`, `npm start` and the db:* scripts start on 127.0.0.1 and fill in for you.",
        "Example: postgresql://postgres@127.0.0.1:5432/saas_dev",
      ].join("\n"),
      secret: true,
      scope: "app",
      requiredIn: REQUIRED_DEPLOYED,
    },
  ),
  DATABASE_REPLICA_URLS: variable(
    z
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
    {
      description: [
        "Read replicas of DATABASE_URL (comma-separated postgresql:// URLs): model reads of tRPC",
        "queries go to them (src/server/db-replicas.ts). Empty: everything on DATABASE_URL.",
      ].join("\n"),
      scope: "app",
      secret: true,
    },
  ),
  DATABASE_POOL_MAX: variable(int(1, 100).default(10), {
    description: "Most connections the app's pool opens, and each replica's (1-100). Default 10.",
    scope: "app",
  }),
  DATABASE_CONNECTION_TIMEOUT_MS: variable(int(100, 60_000).default(5_000), {
    description:
      "How long a query waits for a pooled connection before failing, in ms (100-60000). Default 5000.",
    scope: "app",
  }),
  LOG_LEVEL: variable(
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    {
      description: [
        "Least severe level of the JSON logs on stdout (src/server/log.ts): fatal, error, warn,",
        "info, debug, trace or silent. Default info.",
      ].join("\n"),
      scope: "app",
    },
  ),
  SESSION_IDLE_TIMEOUT_HOURS: variable(int(1, 24 * 90).default(24 * 7), {
    description:
      'Hours without use before a session ends (sliding; README, "Sessions"). Default 168 (7 days).',
    scope: "app",
  }),
  SESSION_ABSOLUTE_LIFETIME_HOURS: variable(int(1, 24 * 365).default(24 * 30), {
    description: "Hours after sign-in when a session ends, used or not. Default 720 (30 days).",
    scope: "app",
  }),
  MAIL_TRANSPORT: variable(
    z.enum(["smtp", "outbox"]).default(process.env.NODE_ENV === "production" ? "smtp" : "outbox"),
    {
      description: [
        '"outbox" keeps mail in the database, readable at /dev/mailbox (default outside production,',
        'and for `npm start` on the embedded database); "smtp" sends through SMTP_URL (default in',
        "production). In production the outbox is refused unless APP_URL is localhost.",
      ].join("\n"),
      scope: "app",
    },
  ),
  SMTP_URL: variable(z.url({ protocol: /^smtps?$/ }).optional(), {
    description: "The SMTP server: smtp(s)://user:password@host:port",
    secret: true,
    scope: "app",
    requiredWhen: "MAIL_TRANSPORT=smtp",
  }),
  MAIL_FROM: variable(z.string().min(3).optional(), {
    description: 'The From header of every email. Default "<BRAND_NAME> <no-reply@localhost>".',
    scope: "app",
  }),
  TRUSTED_PROXIES: variable(int(0, 10).default(0), {
    description: [
      "How many reverse proxies (load balancer, CDN) run in front of the app, each appending the",
      "address it saw to X-Forwarded-For: the client IP (rate limits, sessions list) is then that",
      "many entries from the end. 0 (default): the app is reached directly and X-Forwarded-For is",
      "ignored. Too high lets clients pick their IP; too low groups them under the proxy's.",
    ].join("\n"),
    scope: "app",
    example: "0",
  }),
  STRIPE_SECRET_KEY: variable(
    isBuild
      ? z.string().optional()
      : z
          .string({ error: "is required" })
          .regex(/^(sk|rk)_(test|live)_/, "must be a Stripe secret key (sk_test_…)"),
    {
      description: [
        "Stripe secret key (sk_test_… or sk_live_…). Locally, leave it unset: `npm run dev` and",
        "`npm start` run the local Stripe emulator and fill in the Stripe variables for you.",
        'With a real key the same code talks to Stripe: see README, "Going live".',
      ].join("\n"),
      secret: true,
      scope: "app",
      requiredIn: REQUIRED_DEPLOYED,
    },
  ),
  STRIPE_WEBHOOK_SECRET: variable(
    isBuild
      ? z.string().optional()
      : z
          .string({ error: "is required" })
          .startsWith("whsec_", "must be a webhook signing secret (whsec_…)"),
    {
      description:
        "The webhook endpoint's signing secret (whsec_…), from `stripe listen` or the Stripe dashboard.",
      secret: true,
      scope: "app",
      requiredIn: REQUIRED_DEPLOYED,
    },
  ),
  STRIPE_API_BASE: variable(z.url({ protocol: /^https?$/ }).optional(), {
    description:
      "Base URL of a local Stripe emulator; set by `npm run dev|start` when they run one. Unset: Stripe.",
    scope: "app",
  }),
  STRIPE_PRICE_PRO_MONTHLY: variable(priceId().default("price_pro_monthly"), {
    description: [
      "Price ids of the paid plans (src/server/billing/plans.ts): `npm run stripe:setup` creates",
      "the prices in your account and prints these lines. Defaults: the emulator's ids.",
    ].join("\n"),
    scope: "app",
    requiredWhen: "STRIPE_API_BASE is unset (real Stripe)",
  }),
  STRIPE_PRICE_PRO_YEARLY: variable(priceId().default("price_pro_yearly"), {
    description: "As STRIPE_PRICE_PRO_MONTHLY.",
    scope: "app",
    requiredWhen: "STRIPE_API_BASE is unset (real Stripe)",
  }),
  STRIPE_PRICE_TEAM_MONTHLY: variable(priceId().default("price_team_monthly"), {
    description: "As STRIPE_PRICE_PRO_MONTHLY.",
    scope: "app",
    requiredWhen: "STRIPE_API_BASE is unset (real Stripe)",
  }),
  STRIPE_PRICE_TEAM_YEARLY: variable(priceId().default("price_team_yearly"), {
    description: "As STRIPE_PRICE_PRO_MONTHLY.",
    scope: "app",
    requiredWhen: "STRIPE_API_BASE is unset (real Stripe)",
  }),
  STORAGE_DRIVER: variable(z.enum(["local", "s3"]).default("local"), {
    description: [
      'Where uploaded files live (README, "Files and storage"): "local" (default) keeps them under',
      'STORAGE_LOCAL_DIR and serves them through /api/storage with signed, expiring URLs; "s3" uses',
      "any S3-compatible service (AWS S3, Cloudflare R2, MinIO) through the S3_* variables.",
    ].join("\n"),
    scope: "app",
    example: "local",
  }),
  STORAGE_LOCAL_DIR: variable(z.string().min(1).default(".data/storage"), {
    description: [
      "Directory of the local storage driver. Default .data/storage; `npm run dev|start` make it",
      "absolute. Elsewhere give an absolute path shared by the server and the worker: the",
      "standalone server runs from .next/standalone.",
    ].join("\n"),
    scope: "app",
  }),
  STORAGE_SECRET: variable(z.string().min(32, "must be at least 32 characters").optional(), {
    description: [
      "Key that signs the local driver's download URLs and upload policies (HMAC-SHA256). Unset",
      "locally: a fixed development key. Generate one with `openssl rand -hex 32`.",
    ].join("\n"),
    secret: true,
    scope: "app",
    requiredWhen: "STORAGE_DRIVER=local in staging or production",
  }),
  S3_ENDPOINT: variable(z.url({ protocol: /^https?$/ }).optional(), {
    description: [
      "Endpoint of an S3-compatible service; unset for AWS S3. Cloudflare R2:",
      "https://<account>.r2.cloudflarestorage.com; MinIO: http://127.0.0.1:9000",
    ].join("\n"),
    scope: "app",
  }),
  S3_REGION: variable(z.string().min(1).default("us-east-1"), {
    description: 'Region of the bucket ("auto" for Cloudflare R2). Default us-east-1',
    scope: "app",
  }),
  S3_BUCKET: variable(z.string().min(3).max(63).optional(), {
    description: "The bucket that holds every uploaded file (private: files are served signed).",
    scope: "app",
    requiredWhen: "STORAGE_DRIVER=s3",
  }),
  S3_ACCESS_KEY_ID: variable(z.string().min(1).optional(), {
    description:
      "Access key id of the S3 credentials (needs Get/Put/Delete/ListBucket on the bucket).",
    secret: true,
    scope: "app",
    requiredWhen: "STORAGE_DRIVER=s3",
  }),
  S3_SECRET_ACCESS_KEY: variable(z.string().min(1).optional(), {
    description: "Secret access key of the S3 credentials.",
    secret: true,
    scope: "app",
    requiredWhen: "STORAGE_DRIVER=s3",
  }),
  S3_FORCE_PATH_STYLE: variable(z.stringbool().default(false), {
    description:
      "Address the bucket as endpoint/bucket/key instead of bucket.endpoint/key (MinIO needs true).",
    scope: "app",
  }),
  JOBS_POLL_INTERVAL_SECONDS: variable(z.coerce.number().min(0.1).max(60).default(2), {
    description:
      "How often an idle job worker asks for new jobs, in seconds (0.1-60). Default 2 (1 for npm run dev).",
    scope: "app",
  }),
  BENCHMARK_ROUTES: variable(z.stringbool().default(false), {
    description: [
      "Benchmark-only routes (/api/bench/*), which `npm run bench` builds and starts its server",
      "with (=1): the one build-time switch, for the bench's own build (next.config.mjs); a normal",
      "build holds no such route. Off by default. Never turn it on where real users reach.",
    ].join("\n"),
    scope: "app",
  }),
  OTEL_EXPORTER_OTLP_ENDPOINT: variable(z.url({ protocol: /^https?$/ }).optional(), {
    description: [
      "OTLP collector base URL (http/protobuf, e.g. http://localhost:4318): traces are on when set",
      "and nothing is loaded otherwise (README, Observability).",
    ].join("\n"),
    scope: "app",
  }),
  OTEL_SERVICE_NAME: variable(z.string().min(1).optional(), {
    description: "`service.name` of the traces; default saas-starter.",
    scope: "app",
  }),
  METRICS_TOKEN: variable(z.string().min(16, "must be at least 16 characters").optional(), {
    description:
      "Bearer token of GET /api/metrics (at least 16 characters); unset, it answers 404.",
    scope: "app",
    secret: true,
  }),
  REVALIDATE_TOKEN: variable(z.string().min(16, "must be at least 16 characters").optional(), {
    description:
      "Bearer token the job worker sends to POST /api/internal/revalidate after publishing scheduled posts (same value for the app and the workers; `npm run dev|start` make one). Unset, that route answers 404 and the pages catch up by time (60 s).",
    scope: "app",
    secret: true,
  }),
  NEXT_TELEMETRY_DISABLED: variable(z.string().optional(), {
    description: "Next.js telemetry (recommended off on closed networks).",
    scope: "app",
    example: "1",
  }),
} as const;

/** Variables only npm scripts and tests read (never the server in staging or production). */
export const LOCAL_VARIABLES = {
  EMBEDDED_DB_DIR: variable(z.string().min(1).optional(), {
    description: [
      "Embedded database (used only when DATABASE_URL is unset): its data directory, or",
      "memory:// for a throwaway in-memory database. Default .data/pglite",
    ].join("\n"),
    scope: "local",
  }),
  EMBEDDED_DB_PORT: variable(port().optional(), {
    description:
      "Loopback port the embedded database is served on; 0 picks a free one. Default 54329",
    scope: "local",
  }),
  STRIPE_EMULATOR_PORT: variable(port().optional(), {
    description: "Port of the local Stripe emulator. Default 12111.",
    scope: "local",
  }),
  TEST_DATABASE_URL: variable(z.url({ protocol: /^postgres(ql)?$/ }).optional(), {
    description: [
      "A PostgreSQL database for `npm run test:vitest` instead of an in-memory embedded one. Its",
      "tables are emptied by the tests: never point it at data you want to keep.",
      "Example: postgresql://postgres@127.0.0.1:5432/saas_test",
    ].join("\n"),
    secret: true,
    scope: "local",
  }),
  PLAYWRIGHT_CHROMIUM_EXECUTABLE: variable(z.string().optional(), {
    description: [
      "End-to-end tests: a Chromium binary to drive (default: /usr/bin/chromium when present,",
      "otherwise the browser `npx playwright install chromium` downloads).",
    ].join("\n"),
    scope: "local",
  }),
  E2E_PORT: variable(port().optional(), {
    description: "Port the e2e server serves on. Default 3100.",
    scope: "local",
    example: "3100",
  }),
  E2E_STRIPE_EMULATOR_PORT: variable(port().optional(), {
    description: "Port of the e2e server's Stripe emulator. Default 12112.",
    scope: "local",
  }),
  DEBUG: variable(z.string().optional(), {
    description: "Any value: npm scripts print a failure's stack trace, not just its message.",
    scope: "local",
  }),
} as const;

/** Every variable, app and local: the list `npm run env:check` and `.env.example` go through. */
export const ALL_VARIABLES = { ...APP_VARIABLES, ...LOCAL_VARIABLES };
export type EnvVariableName = keyof typeof ALL_VARIABLES;

/** The metadata of `name`. @throws when a variable lacks it (a test checks none does). */
export function metaOf(name: EnvVariableName): EnvVariableMeta {
  const meta = envRegistry.get(ALL_VARIABLES[name]);
  if (!meta) throw new Error(`${name} has no metadata in src/env-schema.ts`);
  return meta;
}

/** The app's parsed variables. */
export type AppEnv = z.output<z.ZodObject<typeof APP_VARIABLES>>;

/** The raw values as read from the environment (strings; "" counts as unset). */
export type RawEnv = Readonly<Record<string, string | undefined>>;

/** The deployment `env` describes: `APP_ENV`, else production for NODE_ENV=production, else local. */
export function deploymentOf(env: Pick<AppEnv, "APP_ENV" | "NODE_ENV">): Environment {
  return env.APP_ENV ?? (env.NODE_ENV === "production" ? "production" : "local");
}

const LOCALHOST = /^(localhost|127\.0\.0\.1|\[::1\])$/;

/**
 * The rules across variables, added to `ctx` as issues on the variable at fault:
 * - each variable whose `requiredIn` holds `APP_ENV` must be set in `raw` (a default does not count);
 * - `SMTP_URL` when `MAIL_TRANSPORT=smtp`; the price ids when talking to Stripe itself;
 * - the mail outbox in production only on a localhost APP_URL (it serves mail at /dev/mailbox).
 * Skipped while `next build` collects page data (nothing is configured then).
 */
export function checkEnvRules(env: AppEnv, raw: RawEnv, ctx: z.RefinementCtx): void {
  if (isBuild) return;
  const unset = (name: string) => !raw[name];
  const deployment = deploymentOf(env);
  for (const [name, schema] of Object.entries(APP_VARIABLES)) {
    const required = envRegistry.get(schema)?.requiredIn ?? [];
    if (required.includes(deployment) && unset(name)) {
      ctx.addIssue({
        code: "custom",
        path: [name],
        message: `is required in ${deployment} (APP_ENV)`,
      });
    }
  }
  if (env.MAIL_TRANSPORT === "smtp" && !env.SMTP_URL) {
    ctx.addIssue({
      code: "custom",
      path: ["SMTP_URL"],
      message: "is required when MAIL_TRANSPORT=smtp",
    });
  }
  if (!env.STRIPE_API_BASE && deployment !== "local") {
    for (const name of [
      "STRIPE_PRICE_PRO_MONTHLY",
      "STRIPE_PRICE_PRO_YEARLY",
      "STRIPE_PRICE_TEAM_MONTHLY",
      "STRIPE_PRICE_TEAM_YEARLY",
    ]) {
      if (unset(name)) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message:
            "is required with real Stripe (STRIPE_API_BASE unset): the default is the emulator's",
        });
      }
    }
  }
  if (env.STORAGE_DRIVER === "s3") {
    for (const name of ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]) {
      if (unset(name)) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: "is required when STORAGE_DRIVER=s3",
        });
      }
    }
  } else if (deployment !== "local" && unset("STORAGE_SECRET")) {
    ctx.addIssue({
      code: "custom",
      path: ["STORAGE_SECRET"],
      message: `is required in ${deployment} with STORAGE_DRIVER=local`,
    });
  }
  const remote = URL.canParse(env.APP_URL) && !LOCALHOST.test(new URL(env.APP_URL).hostname);
  if (env.MAIL_TRANSPORT === "outbox" && env.NODE_ENV === "production" && remote) {
    ctx.addIssue({
      code: "custom",
      path: ["MAIL_TRANSPORT"],
      message: "outbox is for local use: in production it needs a localhost APP_URL",
    });
  }
}

/**
 * `value` as `npm run env:check` may print it: a secret shows only what identifies its kind (a
 * Stripe key's `sk_live_` prefix, a URL's scheme, host and user), never the secret part.
 */
export function maskValue(value: string, secret: boolean): string {
  if (!secret) return value;
  const prefix = /^((?:sk|rk|pk)_(?:test|live)_|whsec_)/.exec(value)?.[1];
  if (prefix) return `${prefix}****`;
  try {
    const url = new URL(value);
    if (url.protocol && url.host) {
      if (url.password) url.password = "****";
      return url.toString();
    }
  } catch {
    // not a URL: masked whole
  }
  return "****";
}
