/** The procedure catalogue (src/test/procedures.ts) lists exactly the procedures of `appRouter`. */
import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { PROCEDURES } from "@/test/procedures";

const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: string; inputs: unknown[] } }
>;

describe("procedure catalogue", () => {
  it("lists every procedure of appRouter with its kind, and nothing else", () => {
    const actual = Object.fromEntries(
      Object.entries(procedures).map(([path, procedure]) => [path, procedure._def.type]),
    );
    const listed = Object.fromEntries(
      Object.entries(PROCEDURES).map(([path, entry]) => [path, entry.kind]),
    );
    expect(listed).toEqual(actual);
  });

  it("has a sample input for exactly the procedures that take one", () => {
    const takeInput = Object.keys(procedures).filter(
      (path) => procedures[path]!._def.inputs.length > 0,
    );
    const withSample = Object.keys(PROCEDURES).filter((path) => PROCEDURES[path]!.input);
    expect(withSample.sort()).toEqual(takeInput.sort());
  });
});
