import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ALL_VARIABLES, maskValue, metaOf, type EnvVariableName } from "../src/env-schema";
import { checkEnvironment, envExample, formatReport, withLocalRunValues } from "./env-check";

const ROOT = path.resolve(import.meta.dirname, "..");

/**
 * Made-up Stripe secrets of the right shape, assembled at run time so the source holds nothing a
 * secret scanner takes for a real key.
 */
const FAKE_LIVE_KEY = ["sk", "live", "FAKE0not0a0real0key"].join("_");
const FAKE_WEBHOOK_SECRET = ["whsec", "FAKE0not0a0real0secret"].join("_");

/** A complete production environment, as compose.yaml gives it. */
const PRODUCTION = {
  NODE_ENV: "production",
  APP_URL: "https://app.example.com",
  DATABASE_URL: "postgresql://app:db-password-1@db.internal:5432/saas",
  SMTP_URL: "smtp://mailer:smtp-password-1@smtp.example.com:587",
  STRIPE_SECRET_KEY: FAKE_LIVE_KEY,
  STRIPE_WEBHOOK_SECRET: FAKE_WEBHOOK_SECRET,
  STRIPE_PRICE_PRO_MONTHLY: "price_1",
  STRIPE_PRICE_PRO_YEARLY: "price_2",
  STRIPE_PRICE_TEAM_MONTHLY: "price_3",
  STRIPE_PRICE_TEAM_YEARLY: "price_4",
  STORAGE_SECRET: "storage-secret-1-storage-secret-1",
} as const;

const row = (report: ReturnType<typeof checkEnvironment>, name: EnvVariableName) =>
  report.rows.find((r) => r.name === name)!;

describe("the variable list (src/env-schema.ts)", () => {
  it("gives every variable a description, a scope and, for the required ones, its environments", () => {
    for (const name of Object.keys(ALL_VARIABLES) as EnvVariableName[]) {
      const meta = metaOf(name);
      expect(meta.description.length, name).toBeGreaterThan(10);
      expect(["app", "local"], name).toContain(meta.scope);
    }
    expect(metaOf("DATABASE_URL")).toMatchObject({
      secret: true,
      requiredIn: ["staging", "production"],
    });
    expect(metaOf("STRIPE_SECRET_KEY").secret).toBe(true);
  });

  it(".env.example is generated from it (run `npm run env:example` after changing a variable)", () => {
    expect(readFileSync(path.join(ROOT, ".env.example"), "utf8")).toBe(envExample());
  });

  it(".env.example lists each variable once, in the section of the environments requiring it", () => {
    const text = envExample();
    const required = text.slice(0, text.indexOf("Every environment:"));
    for (const name of ["APP_URL", "DATABASE_URL", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"]) {
      expect(required).toMatch(new RegExp(`^${name}=`, "m"));
    }
    for (const name of Object.keys(ALL_VARIABLES) as EnvVariableName[]) {
      const lines = text.match(new RegExp(`^${name}=`, "gm")) ?? [];
      expect(lines.length, name).toBe(metaOf(name).managed ? 0 : 1);
    }
    const local = text.slice(text.indexOf("Local only:"));
    expect(local).toMatch(/^EMBEDDED_DB_DIR=/m);
    expect(local).not.toMatch(/^APP_URL=/m);
  });
});

describe("checkEnvironment", () => {
  it("passes a complete production environment and masks every secret", () => {
    const report = checkEnvironment(PRODUCTION);
    expect(report.errorCount).toBe(0);
    expect(report.deployment).toBe("production");
    const text = formatReport(report);
    for (const secret of [
      "db-password-1",
      "smtp-password-1",
      "FAKE0not0a0real0key",
      "FAKE0not0a0real0secret",
      "storage-secret-1",
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(row(report, "DATABASE_URL").value).toBe("postgresql://app:****@db.internal:5432/saas");
    expect(row(report, "STRIPE_SECRET_KEY").value).toBe("sk_live_****");
    expect(row(report, "APP_URL").value).toBe("https://app.example.com");
  });

  it("names each variable's source: the environment, a file, a default, or nothing", () => {
    const report = checkEnvironment(
      { ...PRODUCTION, LOG_LEVEL: "debug" },
      { LOG_LEVEL: "file .env.production" },
    );
    expect(row(report, "APP_URL")).toMatchObject({ set: true, source: "environment" });
    expect(row(report, "LOG_LEVEL")).toMatchObject({
      set: true,
      source: "file .env.production",
      value: "debug",
    });
    expect(row(report, "DATABASE_POOL_MAX")).toMatchObject({
      set: false,
      source: "default",
      value: "10",
    });
    expect(row(report, "BRAND_LOGO_URL")).toMatchObject({ set: false, source: "unset", value: "" });
  });

  it("reports every problem at once: invalid values by rule, and what production requires", () => {
    const report = checkEnvironment({
      NODE_ENV: "production",
      DATABASE_URL: "mysql://root:pw@db/app",
      DATABASE_POOL_MAX: "0",
      STRIPE_SECRET_KEY: "pk_live_123",
      MAIL_TRANSPORT: "smtp",
    });
    expect(row(report, "DATABASE_URL").problems).toEqual([
      "must be a postgresql:// URL (unset it to use the embedded database)",
    ]);
    expect(row(report, "DATABASE_POOL_MAX").problems[0]).toMatch(/>=1/);
    expect(row(report, "STRIPE_SECRET_KEY").problems).toEqual([
      "must be a Stripe secret key (sk_test_…)",
    ]);
    expect(row(report, "STRIPE_WEBHOOK_SECRET").problems).toEqual(["is required"]);
    expect(row(report, "APP_URL").problems).toEqual(["is required in production (APP_ENV)"]);
    expect(row(report, "SMTP_URL").problems).toEqual(["is required when MAIL_TRANSPORT=smtp"]);
    expect(row(report, "STRIPE_PRICE_PRO_MONTHLY").problems[0]).toMatch(/real Stripe/);
    expect(row(report, "STORAGE_SECRET").problems).toEqual([
      "is required in production with STORAGE_DRIVER=local",
    ]);
    expect(report.errorCount).toBe(11);
    expect(formatReport(report, "problems")).not.toContain("pw@");
    expect(formatReport(report, "problems")).toContain("✖ 11 problem(s) for production");
  });

  it("requires nothing in local that `npm run dev|start` fill in", () => {
    const { raw, origins } = withLocalRunValues({}, {});
    const report = checkEnvironment(raw, origins);
    expect(report.errorCount).toBe(0);
    expect(report.deployment).toBe("local");
    expect(row(report, "DATABASE_URL").source).toBe("set by npm run dev|start");
    expect(row(report, "STRIPE_SECRET_KEY").value).toBe("sk_test_****");
  });

  it("staging has production's requirements", () => {
    const report = checkEnvironment({ APP_ENV: "staging" });
    expect(row(report, "APP_URL").problems).toEqual(["is required in staging (APP_ENV)"]);
    expect(row(report, "DATABASE_URL").problems.length).toBe(1);
  });
});

describe("maskValue", () => {
  it("keeps what identifies a secret's kind, never the secret", () => {
    expect(maskValue("whsec_abc", true)).toBe("whsec_****");
    expect(maskValue("smtps://u:p@mail:465", true)).toBe("smtps://u:****@mail:465");
    expect(maskValue("hunter2", true)).toBe("****");
    expect(maskValue("plain", false)).toBe("plain");
  });
});

describe("npm run env:check", () => {
  it("prints every variable with its source and exits 1 on a problem", async () => {
    {
      const run = promisify(execFile);
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        APP_URL: "https://app.example.com",
        DATABASE_URL: "postgresql://app:db-password-1@db.internal:5432/saas",
        STRIPE_SECRET_KEY: FAKE_LIVE_KEY,
      };
      const error = await run(
        path.join(ROOT, "node_modules/.bin/tsx"),
        ["scripts/env.ts", "check"],
        {
          cwd: ROOT,
          env,
        },
      ).catch((e: { code: number; stdout: string }) => e);
      expect("code" in error && error.code).toBe(1);
      const out = (error as { stdout: string }).stdout;
      expect(out).toMatch(/✓ APP_URL +set +environment +https:\/\/app\.example\.com/);
      expect(out).toMatch(/· DATABASE_POOL_MAX +unset +default +10/);
      expect(out).toContain("✖ STRIPE_WEBHOOK_SECRET is required");
      expect(out).not.toContain("db-password-1");
      expect(out).not.toContain("FAKE0not0a0real0key");
    }
  }, 30_000);
});
