/**
 * Who may call the admin console's procedures (`adminProcedure`): anonymous → UNAUTHORIZED,
 * signed in but not staff → NOT_FOUND, staff until the flag is revoked.
 */
import { describe, expect, it } from "vitest";
import { adminRouter } from "@/server/api/routers/admin";
import { db } from "@/server/db";
import { adminApi, codeOf, signedInAdmin } from "@/test/admin";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { PROCEDURES, procedureAt, type SampleContext, type SampleRows } from "@/test/procedures";
import { signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

/** The admin procedures of the catalogue, keyed by their path under `admin.`. */
const ADMIN_PROCEDURES = Object.entries(PROCEDURES).filter(
  ([, entry]) => entry.policy.kind === "admin",
);

/** Ids that exist nowhere: refused callers never reach a lookup. */
const NOWHERE: SampleContext = {
  slug: "nowhere",
  workspaceId: "w1",
  projectId: "p1",
  exportId: "e1",
  importId: "i1",
  postId: "post1",
  stripeEventId: "evt_1",
  invitation: { id: "i1", token: "x".repeat(43) },
  targetId: "u1",
  ownerEmail: "nobody@example.com",
  callerSessionId: "0".repeat(64),
  invitationForCaller: "none",
  // The admin samples read no rows of generated resources.
  rows: {} as SampleRows,
};

describe("admin console: access", () => {
  it("has a sample for every procedure", () => {
    const paths = ADMIN_PROCEDURES.map(([path]) => path);
    expect(paths.sort()).toEqual(
      Object.keys(adminRouter._def.procedures)
        .map((path) => `admin.${path}`)
        .sort(),
    );
  });

  it("answers UNAUTHORIZED to an anonymous caller and NOT_FOUND to a non-admin, for every procedure", async () => {
    const anonymous = await adminApi();
    const { token } = await signedInUser("ada@example.com");
    const member = await adminApi(token);
    for (const [path, entry] of ADMIN_PROCEDURES) {
      const name = path.replace(/^admin\./, "");
      const input = entry.input?.(NOWHERE);
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
