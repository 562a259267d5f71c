import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { PLAN_CATALOGUE, seed } from "../../../../prisma/seed";
import { db } from "@/server/db";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { callerWith } from "@/test/trpc";

cleanDatabaseBeforeEach();

const { caller } = await callerWith();

describe("plan.list", () => {
  it("returns an empty list when no plan exists", async () => {
    await expect(caller.plan.list()).resolves.toEqual([]);
  });

  it("returns the seeded plans in display order, with prices in cents", async () => {
    await seed(db);
    const plans = await caller.plan.list();
    expect(plans.map((p) => p.slug)).toEqual(["free", "pro", "team"]);
    expect(plans[1]).toMatchObject({ name: "Pro", monthlyPriceCents: 1900, currency: "usd" });
  });

  it("reflects what the database holds, not a copy in code", async () => {
    await seed(db);
    await db.plan.update({ where: { slug: "pro" }, data: { name: "Pro Plus", sortOrder: 9 } });
    const plans = await caller.plan.list();
    expect(plans.map((p) => p.name)).toEqual(["Free", "Team", "Pro Plus"]);
  });

  it("does not expose internal columns", async () => {
    await seed(db);
    const [plan] = await caller.plan.list();
    expect(plan).not.toHaveProperty("id");
    expect(plan).not.toHaveProperty("createdAt");
  });
});

describe("plan.bySlug", () => {
  it("returns the plan with that slug", async () => {
    await seed(db);
    const team = await caller.plan.bySlug({ slug: "team" });
    const expected = PLAN_CATALOGUE.find((p) => p.slug === "team");
    expect(team).toMatchObject({ name: expected?.name, perSeat: true, maxMembers: null });
  });

  it("answers NOT_FOUND for an unknown slug", async () => {
    await seed(db);
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
