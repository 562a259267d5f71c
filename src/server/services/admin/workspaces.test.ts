/**
 * The admin console's workspace procedures end to end (router → service → database).
 */
import { describe, expect, it } from "vitest";
import { codeOf, signedInAdmin } from "@/test/admin";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { callerWith, requestHeaders, signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

describe("admin console: workspaces", () => {
  it("searches workspaces and shows one with members, plan and project count", async () => {
    const { api } = await signedInAdmin();
    const ada = await signedInUser("ada@example.com");
    const { caller } = await callerWith(requestHeaders(ada.token));
    await caller.workspace.create({ name: "Acme 100%", slug: "acme" });
    await caller.workspace.create({ name: "Other", slug: "other" });
    const found = await api.workspaces.list({ q: "%" });
    expect(found.items).toMatchObject([{ slug: "acme", plan: "free", members: 1, projects: 0 }]);
    await expect(api.workspaces.get({ workspaceId: found.items[0]!.id })).resolves.toMatchObject({
      slug: "acme",
      plan: "free",
      subscription: null,
      projectCount: 0,
      members: [{ email: "ada@example.com", role: "owner" }],
    });
    expect(await codeOf(api.workspaces.get({ workspaceId: "nope" }))).toBe("NOT_FOUND");
  });
});
