/**
 * `npm run env:check` and the check `npm run dev|start` run first (scripts/with-db.ts): every
 * variable of src/env-schema.ts, whether it is set, where its value comes from, its value (secrets
 * masked) and what is wrong with it, judged by the same schema and rules the app starts with.
 * Also the generator of `.env.example` from the same list ({@link envExample}).
 */
import path from "node:path";
import nextEnv from "@next/env";
import type { z } from "zod";
import { DEFAULT_EMBEDDED_PORT } from "@saas/local-postgres";
import { embeddedUrl } from "@saas/local-postgres/url";
import {
  ALL_VARIABLES,
  APP_VARIABLES,
  checkEnvRules,
  type AppEnv,
  deploymentOf,
  ENVIRONMENTS,
  maskValue,
  metaOf,
  type Environment,
  type EnvVariableName,
  type RawEnv,
} from "../src/env-schema";
import { emulatorEnv, emulatorPort } from "./local-stripe";

/** Where a variable's value comes from. */
export type EnvSource = "environment" | `file ${string}` | `set by ${string}` | "default" | "unset";

/** One variable in the report. */
export interface EnvReportRow {
  readonly name: EnvVariableName;
  readonly scope: "app" | "local";
  readonly secret: boolean;
  readonly set: boolean;
  readonly source: EnvSource;
  /** What the app sees (secrets masked), the default when unset, or "" for none. */
  readonly value: string;
  /** What is wrong, e.g. "must be a postgresql:// URL"; empty when nothing is. */
  readonly problems: readonly string[];
}

/** The whole report: the deployment it was judged for, and every variable. */
export interface EnvReport {
  readonly deployment: Environment;
  readonly rows: readonly EnvReportRow[];
  /** How many problems in all (start-up fails when this is not 0). */
  readonly errorCount: number;
}

/** Per-variable origins: an .env file's name, or what set it (e.g. "npm start"). */
export type EnvOrigins = Readonly<Partial<Record<string, EnvSource>>>;

/** "" is unset, as the app reads it (`emptyStringAsUndefined`). */
const present = (raw: RawEnv, name: string): string | undefined => raw[name] || undefined;

/**
 * Judges `raw` (the variables as the process would see them) with the app's own schema and rules
 * (src/env-schema.ts). `origins` names where set values come from (default: "environment").
 */
export function checkEnvironment(raw: RawEnv, origins: EnvOrigins = {}): EnvReport {
  const problems = new Map<string, string[]>();
  const add = (name: string, message: string) =>
    problems.set(name, [...(problems.get(name) ?? []), message]);
  const values = new Map<string, unknown>();
  const input: Record<string, string | undefined> = {};
  for (const name of Object.keys(ALL_VARIABLES) as EnvVariableName[]) {
    input[name] = present(raw, name);
    const parsed = (ALL_VARIABLES[name] as z.ZodType).safeParse(input[name]);
    if (parsed.success) values.set(name, parsed.data);
    else for (const issue of parsed.error.issues) add(name, issue.message);
  }
  // MAIL_TRANSPORT's default follows NODE_ENV as the server process sees it (src/env-schema.ts
  // reads it when loaded, which is this process here, not the one judged).
  if (!input.MAIL_TRANSPORT && !problems.has("NODE_ENV")) {
    values.set("MAIL_TRANSPORT", values.get("NODE_ENV") === "production" ? "smtp" : "outbox");
  }
  // The rules across variables, on the values that parsed (also when others did not, so that
  // one run lists every problem).
  const appValues = Object.fromEntries(
    Object.keys(APP_VARIABLES).map((name) => [name, values.get(name)]),
  ) as AppEnv;
  const ctx = {
    value: appValues,
    // A variable already found wrong on its own is not reported again by a rule.
    addIssue: (issue: { path?: PropertyKey[]; message?: string }) => {
      const name = String(issue.path?.[0] ?? "(environment)");
      if (!problems.has(name)) add(name, issue.message ?? "is invalid");
    },
  } as unknown as z.RefinementCtx;
  checkEnvRules(appValues, raw, ctx);
  const deployment = deploymentOf({
    APP_ENV: values.get("APP_ENV") as Environment | undefined,
    NODE_ENV: (values.get("NODE_ENV") as "development" | "test" | "production") ?? "development",
  });
  const rows = (Object.keys(ALL_VARIABLES) as EnvVariableName[]).map((name): EnvReportRow => {
    const meta = metaOf(name);
    const value = input[name];
    const fallback = values.get(name);
    return {
      name,
      scope: meta.scope,
      secret: Boolean(meta.secret),
      set: value !== undefined,
      source:
        value !== undefined
          ? (origins[name] ?? "environment")
          : fallback !== undefined
            ? "default"
            : "unset",
      value:
        value !== undefined
          ? maskValue(value, Boolean(meta.secret))
          : fallback !== undefined
            ? String(fallback)
            : "",
      problems: problems.get(name) ?? [],
    };
  });
  const unknown = [...problems.keys()].filter((name) => !(name in ALL_VARIABLES));
  const errorCount =
    rows.reduce((sum, row) => sum + row.problems.length, 0) +
    unknown.reduce((sum, name) => sum + (problems.get(name)?.length ?? 0), 0);
  return { deployment, rows, errorCount };
}

/** The report as text: one line per variable (`only: "problems"` keeps the failing ones). */
export function formatReport(report: EnvReport, only: "all" | "problems" = "all"): string {
  const rows = only === "all" ? report.rows : report.rows.filter((r) => r.problems.length > 0);
  const width = Math.max(...report.rows.map((r) => r.name.length));
  const lines = rows.map((row) => {
    const mark = row.problems.length > 0 ? "✖" : row.set ? "✓" : "·";
    const status = `${row.set ? "set" : "unset"}`.padEnd(6);
    const source = row.source.padEnd(25);
    const value = row.value || "-";
    const problems = row.problems.map((p) => `\n      ✖ ${row.name} ${p}`).join("");
    return `  ${mark} ${row.name.padEnd(width)}  ${status} ${source} ${value}${problems}`;
  });
  const summary =
    report.errorCount === 0
      ? `  ✓ environment ok for ${report.deployment} (APP_ENV)`
      : `  ✖ ${report.errorCount} problem(s) for ${report.deployment} (APP_ENV): see .env.example`;
  return [...lines, summary].join("\n");
}

/**
 * The process environment with the .env files loaded as Next loads them (`dev`: the
 * development files), and where each value comes from: the environment, or the file it was read
 * from.
 */
export function loadEnvironment(root: string, dev: boolean): { raw: RawEnv; origins: EnvOrigins } {
  const { loadedEnvFiles } = nextEnv.loadEnvConfig(root, dev, {
    info: () => {},
    error: console.error,
  });
  const initial = nextEnv.initialEnv ?? {};
  const origins: Record<string, EnvSource> = {};
  for (const name of Object.keys(ALL_VARIABLES)) {
    if (initial[name]) continue;
    const file = loadedEnvFiles.find((f) => f.env[name]);
    if (file) origins[name] = `file ${path.basename(file.path)}`;
  }
  return { raw: process.env, origins };
}

/**
 * What `npm run dev|start` (scripts/with-db.ts) add to `raw` on this machine when DATABASE_URL is
 * unset: the embedded database's URL, a local APP_ENV and the mail outbox, and, with no
 * STRIPE_SECRET_KEY, the local Stripe emulator's settings; so `npm run env:check` judges what the
 * app will see. Nothing when DATABASE_URL is set (a deployment is given everything).
 */
export function withLocalRunValues(
  raw: RawEnv,
  origins: EnvOrigins,
): { raw: RawEnv; origins: EnvOrigins } {
  if (raw.DATABASE_URL) return { raw, origins };
  const filled: Record<string, string> = {
    DATABASE_URL: embeddedUrl(Number(raw.EMBEDDED_DB_PORT || DEFAULT_EMBEDDED_PORT)),
    APP_ENV: raw.APP_ENV || "local",
    MAIL_TRANSPORT: raw.MAIL_TRANSPORT || "outbox",
  };
  if (!raw.STRIPE_SECRET_KEY) {
    Object.assign(filled, emulatorEnv(emulatorPort()));
    if (raw.STRIPE_WEBHOOK_SECRET) delete filled.STRIPE_WEBHOOK_SECRET;
  }
  const fillOrigins = Object.fromEntries(
    Object.keys(filled)
      .filter((name) => !raw[name])
      .map((name) => [name, "set by npm run dev|start" as const]),
  );
  return { raw: { ...raw, ...filled }, origins: { ...origins, ...fillOrigins } };
}

/** A `.env.example` value: quoted when it holds spaces. */
function exampleValue(value: string | undefined): string {
  if (!value) return "";
  return /[\s#"]/.test(value) ? `"${value.replaceAll('"', '\\"')}"` : value;
}

/** The comment and line of one variable in `.env.example`. */
function exampleEntry(name: EnvVariableName): string {
  const meta = metaOf(name);
  const notes = [
    meta.requiredIn?.length ? `Required in ${meta.requiredIn.join(" and ")}.` : "",
    meta.requiredWhen ? `Required when ${meta.requiredWhen}.` : "",
    meta.secret ? "Secret: keep it out of the repository and logs." : "",
  ].filter(Boolean);
  const comment = [...meta.description.split("\n"), ...(notes.length ? [notes.join(" ")] : [])]
    .map((line) => `# ${line}`)
    .join("\n");
  return `${comment}\n${name}=${exampleValue(meta.example)}`;
}

const SECTIONS: { title: string[]; names: (name: EnvVariableName) => boolean }[] = [
  {
    title: [
      "Required in staging and production. Locally every one of them has a working default or is",
      "filled in by `npm run dev` and `npm start` (the embedded database, the Stripe emulator).",
    ],
    names: (name) => (metaOf(name).requiredIn?.length ?? 0) > 0,
  },
  {
    title: [
      "Every environment: optional settings with defaults (local, staging and production alike),",
      "a few required under a condition named beside them.",
    ],
    names: (name) => metaOf(name).scope === "app" && !metaOf(name).requiredIn?.length,
  },
  {
    title: ["Local only: read by the npm scripts and the tests, never by a deployed server."],
    names: (name) => metaOf(name).scope === "local",
  },
];

/**
 * The text of `.env.example`, generated from src/env-schema.ts (`npm run env:example` writes it;
 * tools/env-check.test.ts fails when the file differs).
 */
export function envExample(): string {
  const names = (Object.keys(ALL_VARIABLES) as EnvVariableName[]).filter(
    (name) => !metaOf(name).managed,
  );
  const header = [
    "# Copy to .env (git-ignored) to change a default. With no .env at all, `npm run dev` runs on the",
    "# embedded PostgreSQL (PGlite), the local Stripe emulator and every default below.",
    "#",
    "# Generated from src/env-schema.ts by `npm run env:example`: edit that file, not this one.",
    "# `npm run env:check` shows what the app would see: each variable, its source and its problems.",
    `# APP_ENV (${ENVIRONMENTS.join(", ")}) decides which variables are required; the same build serves`,
    "# every environment, configured only by these variables when it starts.",
  ];
  const sections = SECTIONS.map(({ title, names: pick }) => {
    const bar = "# " + "=".repeat(98);
    return [
      bar,
      ...title.map((line) => `# ${line}`),
      bar,
      "",
      names.filter(pick).map(exampleEntry).join("\n\n"),
    ].join("\n");
  });
  return `${[header.join("\n"), ...sections].join("\n\n")}\n`;
}
