import { describe, expect, it } from "vitest";
import { countOf, listOf, plural } from "@/components/format/plural";

describe("plural", () => {
  it("chooses the form by the plural category of the count", () => {
    expect(countOf(1, "event", "events")).toBe("1 event");
    expect(countOf(0, "event", "events")).toBe("0 events");
    expect(countOf(2, "seat", "seats")).toBe("2 seats");
  });

  it("formats the count with grouping and uses the zero form when given", () => {
    expect(countOf(1200, "project", "projects")).toBe("1,200 projects");
    expect(plural(0, { zero: "No events", one: "# event", other: "# events" })).toBe("No events");
    expect(plural(1, { zero: "No events", one: "# event", other: "# events" })).toBe("1 event");
  });
});

describe("listOf", () => {
  it("joins items as a sentence", () => {
    expect(listOf(["3 projects", "1 member", "no invitations"])).toBe(
      "3 projects, 1 member, and no invitations",
    );
    expect(listOf(["3 projects"])).toBe("3 projects");
  });
});
