import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const { nodeVersionProblem } = createRequire(import.meta.url)("./check-node.cjs") as {
  nodeVersionProblem(version: string, wanted: string): string | null;
};
const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  engines: { node: string };
  devEngines: { runtime: { name: string; version: string } };
  scripts: Record<string, string>;
};

describe("check-node", () => {
  it("stops an older Node with one line naming the Node it needs and how to get it", () => {
    const message = nodeVersionProblem("v20.20.2", ">=22.18");
    expect(message).not.toBeNull();
    expect(message!.split("\n")).toHaveLength(1);
    expect(message).toContain(">=22.18");
    expect(message).toContain("v20.20.2");
    expect(message).toContain("nvm install");
    expect(nodeVersionProblem("v22.17.1", ">=22.18")).not.toBeNull();
  });

  it("lets the required Node and newer ones through", () => {
    expect(nodeVersionProblem("v22.18.0", ">=22.18")).toBeNull();
    expect(nodeVersionProblem("v22.19.1", ">=22.18")).toBeNull();
    expect(nodeVersionProblem("v24.0.0", ">=22.18")).toBeNull();
  });

  it("runs before install, dev, start, build and test, and exits 0 on this Node", () => {
    for (const hook of ["preinstall", "predev", "prestart", "prebuild", "pretest"]) {
      expect(pkg.scripts[hook], hook).toBe("node scripts/check-node.cjs");
    }
    expect(() =>
      execFileSync(process.execPath, [path.join(ROOT, "scripts/check-node.cjs")]),
    ).not.toThrow();
  });

  it("keeps engines, devEngines, .nvmrc and .node-version in agreement", () => {
    expect(pkg.devEngines.runtime).toMatchObject({ name: "node", version: pkg.engines.node });
    for (const file of [".nvmrc", ".node-version"]) {
      const major = readFileSync(path.join(ROOT, file), "utf8").trim();
      expect(nodeVersionProblem(`v${major}.0.0`, pkg.engines.node), file).toBeNull();
    }
  });
});
