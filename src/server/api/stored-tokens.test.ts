/**
 * No usable emailed token is stored: after each flow that emails a link (sign-up verification,
 * password reset, email change, invitation and its resend), the token read from the dev outbox
 * is searched for in every row of every table of every schema (the app's, pg-boss's, Prisma's),
 * and only the outbox itself may hold it. The job queue in particular keeps jobs for days.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { callerWith, requestHeaders, signedInUser, tokenFromOutbox } from "@/test/trpc";

cleanDatabaseBeforeEach();

/** The outbox of development and tests: the one table allowed to hold a mailed link. */
const OUTBOX = "public.OutboxEmail";

/** Every table ("schema.table") with a row whose text form contains `text`. */
async function tablesHolding(text: string): Promise<string[]> {
  const tables = await db.$queryRaw<{ schema: string; name: string }[]>`
    SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
    ORDER BY 1, 2`;
  expect(tables.map((t) => `${t.schema}.${t.name}`)).toEqual(
    expect.arrayContaining([OUTBOX, "public.EmailToken", "public.Invitation", "pgboss.job"]),
  );
  const holding: string[] = [];
  for (const { schema, name } of tables) {
    const quoted = `"${schema.replaceAll('"', '""')}"."${name.replaceAll('"', '""')}"`;
    // strpos, not LIKE: "_" and "-" of base64url are no wildcards there.
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${quoted} AS t WHERE strpos(t::text, $1) > 0`,
      text,
    );
    if (row!.n > 0) holding.push(`${schema}.${name}`);
  }
  return holding;
}

describe("emailed tokens at rest", () => {
  it("are kept only in the dev outbox: sign-up verification and password reset", async () => {
    const { caller } = await callerWith();
    await caller.account.signUp({
      name: "Grace",
      email: "grace@example.com",
      password: "a long password",
    });
    const verification = await tokenFromOutbox("grace@example.com", "/verify-email");
    expect(await tablesHolding(verification)).toEqual([OUTBOX]);

    await caller.account.requestPasswordReset({ email: "grace@example.com" });
    const reset = await tokenFromOutbox("grace@example.com", "/reset-password");
    expect(await tablesHolding(reset)).toEqual([OUTBOX]);
  });

  it("are kept only in the dev outbox: email change", async () => {
    const { password, token } = await signedInUser();
    const { caller } = await callerWith(requestHeaders(token));
    await caller.account.requestEmailChange({ newEmail: "ada@new.example", password });
    const link = await tokenFromOutbox("ada@new.example", "/confirm-email-change");
    expect(await tablesHolding(link)).toEqual([OUTBOX]);
  });

  it("are kept only in the dev outbox: invitation and its resend", async () => {
    const { token } = await signedInUser();
    const { caller } = await callerWith(requestHeaders(token));
    await caller.workspace.create({ name: "Acme", slug: "acme" });
    const { id } = await caller.invitation.create({
      workspaceSlug: "acme",
      email: "carol@example.com",
      role: "member",
    });
    const first = await tokenFromOutbox("carol@example.com", "/invite");
    expect(await tablesHolding(first)).toEqual([OUTBOX]);

    await caller.invitation.resend({ workspaceSlug: "acme", invitationId: id });
    const second = await tokenFromOutbox("carol@example.com", "/invite");
    expect(second).not.toBe(first);
    expect(await tablesHolding(second)).toEqual([OUTBOX]);
  });
});
