/** The import's mapping guesses and row checks (the create form's schema). */
import { describe, expect, it } from "vitest";
import {
  checkRow,
  mappingProblems,
  mapRow,
  reasonOf,
  suggestMapping,
} from "@/schemas/project-import";

describe("suggestMapping", () => {
  it("matches headers by their letters and digits, and common synonyms", () => {
    expect(suggestMapping(["Project Name", "Notes"])).toEqual({
      name: "Project Name",
      description: "Notes",
    });
    expect(suggestMapping(["TITLE", "id"])).toEqual({ name: "TITLE", description: null });
  });
});

describe("rows", () => {
  const headers = ["Title", "Details"];
  const mapping = { name: "Title", description: "Details" };

  it("maps cells to fields and checks them with the create form's schema", () => {
    expect(checkRow(mapRow(headers, ["  Apollo ", "First"], mapping))).toEqual({
      ok: true,
      value: { name: "Apollo", description: "First" },
    });
    const bad = checkRow(mapRow(headers, ["", "x".repeat(2001)], mapping));
    expect(bad).toEqual({
      ok: false,
      errors: {
        name: "Name is required.",
        description: "Description is at most 2,000 characters.",
      },
    });
    if (!bad.ok) {
      expect(reasonOf(bad.errors)).toBe(
        "name: Name is required.; description: Description is at most 2,000 characters.",
      );
    }
  });

  it("reads a missing cell as empty and an unmapped field as its default", () => {
    expect(checkRow(mapRow(headers, ["Apollo"], { name: "Title", description: null }))).toEqual({
      ok: true,
      value: { name: "Apollo", description: "" },
    });
  });

  it("names a required field without a column and a column the file lacks", () => {
    expect(mappingProblems(headers, { name: null, description: "Nope" })).toEqual({
      name: "Choose the column that holds the name.",
      description: 'The file has no column "Nope".',
    });
  });
});
