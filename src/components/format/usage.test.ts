import { describe, expect, it } from "vitest";
import { isOverLimit, storageUsageText, usageText } from "@/components/format/usage";

const projects = { one: "project", other: "projects" };

describe("usageText", () => {
  it("states usage within the limit with the plan", () => {
    expect(usageText(2, 3, projects, "Free")).toBe("2 of 3 projects used on the Free plan");
    expect(usageText(0, 1, projects, "Free")).toBe("0 of 1 project used on the Free plan");
  });

  it("says how far over the limit a workspace is, never 'N of M' with N > M", () => {
    expect(usageText(40, 3, projects, "Free")).toBe("40 projects, 37 over the Free limit of 3");
    expect(isOverLimit(40, 3)).toBe(true);
    expect(isOverLimit(3, 3)).toBe(false);
  });

  it("says unlimited with the plan's name", () => {
    expect(usageText(1, null, projects, "Team")).toBe("1 project (unlimited on Team)");
    expect(isOverLimit(1000, null)).toBe(false);
  });
});

describe("storageUsageText", () => {
  it("states bytes against the plan's storage in binary units", () => {
    expect(storageUsageText(1_258_291, 100 * 1024 * 1024, "Free")).toBe(
      "1.2 MB of 100 MB used on the Free plan",
    );
    expect(storageUsageText(120 * 1024 * 1024, 100 * 1024 * 1024, "Free")).toBe(
      "120 MB, 20 MB over the Free limit of 100 MB",
    );
    expect(storageUsageText(3 * 1024 ** 3, null, "Team")).toBe("3 GB (unlimited on Team)");
    expect(storageUsageText(0, 100 * 1024 * 1024, "Free")).toBe(
      "0 B of 100 MB used on the Free plan",
    );
  });
});
