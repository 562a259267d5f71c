/**
 * The app's environment, parsed once with zod (@t3-oss/env-nextjs) when the server (or the worker)
 * starts, never at build time: one build serves every environment.
 *
 * The variables, their rules and their metadata live in `src/env-schema.ts` (the one list, from
 * which `.env.example` and `npm run env:check` derive). A missing or invalid variable stops the app
 * with one message listing all of them (see `formatEnvIssues`). Only `DATABASE_URL` and the Stripe
 * keys are optional while `next build` collects page data: the build needs no database.
 *
 * `DATABASE_URL` is always set at run time: `npm run dev|start` (scripts/with-db.ts) fill it with
 * the embedded PGlite server's URL when you have not set it yourself.
 */
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { APP_VARIABLES, checkEnvRules } from "@/env-schema";

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
  return [
    "Invalid environment variables (run `npm run env:check`; see .env.example):",
    ...lines,
  ].join("\n");
}

export const env = createEnv({
  server: APP_VARIABLES,
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  createFinalSchema: (shape) =>
    z.object(shape).superRefine((parsed, ctx) => checkEnvRules(parsed, process.env, ctx)),

  onValidationError(issues) {
    const message = formatEnvIssues(issues);
    console.error(message);
    throw new Error(message);
  },
});
