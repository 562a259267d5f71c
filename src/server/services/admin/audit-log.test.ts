/**
 * The admin console's audit log across workspaces, end to end (router → service → database).
 */
import { describe, expect, it } from "vitest";
import { codeOf, signedInAdmin } from "@/test/admin";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { callerWith, requestHeaders, signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

describe("admin console: audit log", () => {
  it("lists the audit log across workspaces, filtered by action", async () => {
    const { api } = await signedInAdmin();
    const ada = await signedInUser("ada@example.com");
    const { caller } = await callerWith(requestHeaders(ada.token));
    await caller.workspace.create({ name: "Acme", slug: "acme" });
    await api.users.signOut({ userId: ada.user.id });
    const all = await api.auditLog.list({});
    expect(all.items.map((e) => e.action)).toContain("admin.user_signed_out");
    const only = await api.auditLog.list({ action: "admin.user_signed_out" });
    expect(only.items).toMatchObject([{ actor: { email: "root@example.com" }, workspace: null }]);
    expect(await codeOf(api.auditLog.list({ cursor: "x" }))).toBe("BAD_REQUEST");
  });
});
