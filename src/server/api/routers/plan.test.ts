import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { PLAN_LIST, PLANS } from "@/server/billing/plans";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { callerWith } from "@/test/trpc";

cleanDatabaseBeforeEach();

const { caller } = await callerWith();

describe("plan.list", () => {
  it("returns the plans in code, in display order, on an empty database", async () => {
    const plans = await caller.plan.list();
    expect(plans.map((p) => p.slug)).toEqual(PLAN_LIST.map((p) => p.slug));
    expect(plans.map((p) => p.slug)).toEqual(["free", "pro", "team"]);
    expect(plans[1]).toMatchObject({ name: "Pro", monthlyPriceCents: 1900, currency: "usd" });
  });

  it("states each limit once, in the words of the entitlements it enforces", async () => {
    const plans = await caller.plan.list();
    for (const plan of plans) {
      const lines = [...plan.limits, ...plan.features];
      expect(new Set(lines).size, plan.slug).toBe(lines.length);
      expect(plan.entitlements).toEqual(PLANS[plan.slug].entitlements);
    }
    expect(plans[0]).toMatchObject({
      limits: ["Up to 3 projects", "Up to 3 members", "100 MB of file storage"],
      features: ["Activity log for 7 days"],
    });
    expect(plans[2]).toMatchObject({
      limits: ["Unlimited projects", "Unlimited members", "100 GB of file storage"],
      features: ["Unlimited activity log", "CSV exports"],
    });
  });

  it("does not expose internal columns", async () => {
    const [plan] = await caller.plan.list();
    expect(plan).not.toHaveProperty("id");
    expect(plan).not.toHaveProperty("createdAt");
  });
});

describe("plan.bySlug", () => {
  it("returns the plan with that slug", async () => {
    const team = await caller.plan.bySlug({ slug: "team" });
    expect(team).toMatchObject({
      name: PLANS.team.name,
      perSeat: true,
      entitlements: { maxMembers: null },
    });
  });

  it("answers NOT_FOUND for an unknown slug", async () => {
    const error = await caller.plan.bySlug({ slug: "enterprise" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: "NOT_FOUND", message: 'No plan is called "enterprise".' });
  });

  it("answers BAD_REQUEST for a malformed slug, naming the rule", async () => {
    const error = await caller.plan.bySlug({ slug: "Not A Slug!" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(String((error as Error).message)).toContain("lower-case letters");
  });
});
