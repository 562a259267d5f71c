import { describe, expect, it } from "vitest";
import { PLAN_CATALOGUE, seed } from "./seed";
import { db } from "@/server/db";
import { cleanDatabaseBeforeEach } from "@/test/database";

cleanDatabaseBeforeEach();

describe("seed", () => {
  it("is idempotent: a second run creates nothing and restores edited values", async () => {
    await seed(db);
    await db.plan.update({ where: { slug: "free" }, data: { name: "Changed by hand" } });
    await seed(db);
    const plans = await db.plan.findMany({ orderBy: { sortOrder: "asc" } });
    expect(plans).toHaveLength(PLAN_CATALOGUE.length);
    expect(plans[0]?.name).toBe("Free");
  });
});
