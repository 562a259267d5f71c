import { expect, it } from "vitest";
import { safeNextPath, signInPath } from "@/schemas/navigation";

it("keeps only same-site paths as where to go after signing in", () => {
  expect(safeNextPath("/w/acme/projects?status=open")).toBe("/w/acme/projects?status=open");
  for (const unsafe of [
    "//evil.example",
    "https://evil.example",
    "/\\evil.example",
    "evil",
    "/\tx",
  ]) {
    expect(safeNextPath(unsafe), unsafe).toBe("/dashboard");
  }
  expect(safeNextPath(undefined)).toBe("/dashboard");
});

it("builds the sign-in path with its return path and, after an expiry, the reason", () => {
  expect(signInPath("/w/acme/projects")).toBe("/sign-in?next=%2Fw%2Facme%2Fprojects");
  expect(signInPath("/settings", { expired: true })).toBe(
    "/sign-in?next=%2Fsettings&reason=expired",
  );
  expect(signInPath("//evil.example")).toBe("/sign-in?next=%2Fdashboard");
});
