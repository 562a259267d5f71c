/**
 * Who may call the admin console's procedures (`adminProcedure`): anonymous → UNAUTHORIZED,
 * signed in but not staff → NOT_FOUND, staff until the flag is revoked.
 */
import { describe, expect, it } from "vitest";
import { adminRouter } from "@/server/api/routers/admin";
import { db } from "@/server/db";
import { adminApi, codeOf, signedInAdmin } from "@/test/admin";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

/** A sample input of every admin procedure. */
const SAMPLES: Record<string, unknown> = {
  users: {},
  user: { userId: "u1" },
  disableUser: { userId: "u1" },
  enableUser: { userId: "u1" },
  signOutUser: { userId: "u1" },
  workspaces: {},
  workspace: { workspaceId: "w1" },
  stripeEvents: {},
  stripeEvent: { eventId: "evt_1" },
  replayStripeEvent: { eventId: "evt_1" },
  jobs: {},
  retryJob: { queue: "cleanup", jobId: "00000000-0000-4000-8000-000000000000" },
  auditLog: {},
};

type Api = Record<string, (input: unknown) => Promise<unknown>>;

describe("admin console: access", () => {
  it("has a sample for every procedure", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(adminRouter._def.procedures).sort());
  });

  it("answers UNAUTHORIZED to an anonymous caller and NOT_FOUND to a non-admin, for every procedure", async () => {
    const anonymous = (await adminApi()) as unknown as Api;
    const { token } = await signedInUser("ada@example.com");
    const member = (await adminApi(token)) as unknown as Api;
    for (const [name, input] of Object.entries(SAMPLES)) {
      expect([name, await codeOf(anonymous[name]!(input))]).toEqual([name, "UNAUTHORIZED"]);
      expect([name, await codeOf(member[name]!(input))]).toEqual([name, "NOT_FOUND"]);
    }
    await expect(member.users!({})).rejects.toThrow("Not found.");
  });

  it("lets an admin in, and no longer once the flag is revoked", async () => {
    const { api, user } = await signedInAdmin();
    await expect(api.users({})).resolves.toMatchObject({ items: [{ id: user.id }] });
    await db.user.update({ where: { id: user.id }, data: { isAdmin: false } });
    expect(await codeOf(api.users({}))).toBe("NOT_FOUND");
  });
});
