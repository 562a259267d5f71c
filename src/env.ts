/**
 * The app's environment, parsed once with zod (@t3-oss/env-nextjs).
 *
 * Every variable is documented in `.env.example`. A missing or invalid variable stops the app with
 * one message listing all of them (see `formatEnvIssues`). Validation is skipped only while
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

/** A whole number read from a string, with bounds; used for sizes and timeouts. */
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({
      protocol: /^postgres(ql)?$/,
      error: "must be a postgresql:// URL (unset it to use the embedded database)",
    }),
    /** Most connections the app's pool opens (pg.Pool `max`). */
    DATABASE_POOL_MAX: int(1, 100).default(10),
    /** How long a query waits for a pooled connection before failing, in ms. */
    DATABASE_CONNECTION_TIMEOUT_MS: int(100, 60_000).default(5_000),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.NEXT_PHASE === "phase-production-build",
  onValidationError(issues) {
    const message = formatEnvIssues(issues);
    console.error(message);
    throw new Error(message);
  },
});
