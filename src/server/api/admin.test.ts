/**
 * Who may call the admin console's procedures (`adminProcedure`): anonymous → UNAUTHORIZED,
 * signed in but not staff → NOT_FOUND, staff until the flag is revoked.
 */
import { describe, expect, it } from "vitest";
import { adminRouter } from "@/server/api/routers/admin";
import { db } from "@/server/db";
import { adminApi, codeOf, signedInAdmin } from "@/test/admin";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { procedureAt } from "@/test/procedures";
import { signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

/** A sample input of every admin procedure. */
const SAMPLES: Record<string, unknown> = {
  "users.list": {},
  "users.get": { userId: "u1" },
  "users.disable": { userId: "u1" },
  "users.enable": { userId: "u1" },
  "users.signOut": { userId: "u1" },
  "workspaces.list": {},
  "workspaces.get": { workspaceId: "w1" },
  "stripeEvents.list": {},
  "stripeEvents.get": { eventId: "evt_1" },
  "stripeEvents.replay": { eventId: "evt_1" },
  "jobs.list": {},
  "jobs.retry": { queue: "cleanup", jobId: "00000000-0000-4000-8000-000000000000" },
  "auditLog.list": {},
};

describe("admin console: access", () => {
  it("has a sample for every procedure", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(adminRouter._def.procedures).sort());
  });

  it("answers UNAUTHORIZED to an anonymous caller and NOT_FOUND to a non-admin, for every procedure", async () => {
    const anonymous = await adminApi();
    const { token } = await signedInUser("ada@example.com");
    const member = await adminApi(token);
    for (const [name, input] of Object.entries(SAMPLES)) {
      expect([name, await codeOf(procedureAt(anonymous, name)(input))]).toEqual([
        name,
        "UNAUTHORIZED",
      ]);
      expect([name, await codeOf(procedureAt(member, name)(input))]).toEqual([name, "NOT_FOUND"]);
    }
    await expect(member.users.list({})).rejects.toThrow("Not found.");
  });

  it("lets an admin in, and no longer once the flag is revoked", async () => {
    const { api, user } = await signedInAdmin();
    await expect(api.users.list({})).resolves.toMatchObject({ items: [{ id: user.id }] });
    await db.user.update({ where: { id: user.id }, data: { isAdmin: false } });
    expect(await codeOf(api.users.list({}))).toBe("NOT_FOUND");
  });
});
