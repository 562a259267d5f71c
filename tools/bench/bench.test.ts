import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dehydratedBytes, inlinedPayload, requestKind } from "./browser";
import type { LoadSummary } from "./load";
import { readOptions, type ScenarioId } from "./options";
import { type Measurement, ratios, targets, writeBenchmarksDoc } from "./report";
import { assertBenchDatabase } from "./scale-seed";
import { PER_REQUEST_LANDING_LABEL, publicPageLabel } from "./scenarios";

/** A measurement of `id` with these figures (the rest zero). */
function measured(id: ScenarioId, figures: Partial<LoadSummary>): Measurement {
  const summary: LoadSummary = {
    requests: 1000,
    reqPerSec: 100,
    p50Ms: 10,
    p99Ms: 20,
    meanMs: 10,
    non2xx: 0,
    socketErrors: 0,
    timeouts: 0,
    errors: 0,
    statusCodes: { 200: 1000 },
    durationS: 10,
    loadgenCpuMs: 100,
    bytesPerResponse: 100,
    ...figures,
  };
  return { scenario: { id, label: id, url: "http://x/", headers: {} }, summary, cpuMs: null };
}

describe("bench options", () => {
  it("defaults to a full run on the embedded database, and reads flags and ports", () => {
    expect(readOptions([], {})).toMatchObject({
      build: true,
      write: true,
      durationS: 10,
      warmupS: 3,
      connections: 20,
      scenarios: ["bare", "route", "trpc", "pg", "dashboard", "public"],
      appPort: 3400,
      databaseUrl: undefined,
    });
    const options = readOptions(
      ["--", "--no-build", "--duration", "5", "--only", "dashboard,trpc", "--connections", "8"],
      { BENCH_PORT: "3500", DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/saas_bench" },
    );
    expect(options).toMatchObject({ build: false, durationS: 5, connections: 8, appPort: 3500 });
    expect(options.scenarios).toEqual(["trpc", "dashboard"]);
    expect(options.databaseUrl).toBe("postgresql://postgres@127.0.0.1:5432/saas_bench");
  });

  it("runs the browser row by default or alone, with --views page views", () => {
    expect(readOptions([], {})).toMatchObject({ browser: true, views: 5 });
    expect(readOptions(["--only", "browser", "--views", "2"], {})).toMatchObject({
      scenarios: [],
      browser: true,
      views: 2,
    });
    expect(readOptions(["--only", "trpc"], {}).browser).toBe(false);
    expect(() => readOptions(["--views", "0"], {})).toThrow(/views/);
  });

  it("refuses unknown flags, scenarios and bad numbers", () => {
    expect(() => readOptions(["--fast"], {})).toThrow();
    expect(() => readOptions(["--only", "graphql"], {})).toThrow(/Invalid bench options/);
    expect(() => readOptions(["--duration", "0"], {})).toThrow(/durationS/);
    expect(() => readOptions([], { DATABASE_URL: "mysql://x" })).toThrow(/databaseUrl/);
  });

  it("runs --scale only on a PostgreSQL database named for the bench, since it empties it", () => {
    const url = "postgresql://postgres@127.0.0.1:5432/saas_bench_scale";
    expect(readOptions(["--scale", "1m"], { DATABASE_URL: url }).scale).toBe("1m");
    expect(() => readOptions(["--scale", "1m"], {})).toThrow(/--scale needs DATABASE_URL/);
    expect(() => readOptions(["--scale", "10m"], { DATABASE_URL: url })).toThrow(
      /--scale takes 1m/,
    );
    expect(assertBenchDatabase(url)).toBe("saas_bench_scale");
    expect(() => assertBenchDatabase("postgresql://postgres@127.0.0.1:5432/saas")).toThrow(
      /contains "bench"/,
    );
  });
});

describe("bench report", () => {
  it("compares tRPC with the route handler and Prisma with raw pg", () => {
    const results = [
      measured("route", { reqPerSec: 500, p99Ms: 40 }),
      measured("trpc", { reqPerSec: 450, p99Ms: 50 }),
      measured("pg", { reqPerSec: 625, p99Ms: 32 }),
    ];
    const [trpc, prisma] = ratios(results);
    expect(trpc).toMatchObject({ reqPerSec: 0.9, p99: 1.25 });
    expect(prisma).toMatchObject({ reqPerSec: 0.8, p99: 1.25 });
  });

  it("reports each target met, missed or not measured", () => {
    const verdicts = (results: Measurement[]) => targets(results, 20).map((t) => t.met);
    const route = measured("route", { reqPerSec: 500 });
    expect(verdicts([route, measured("trpc", { reqPerSec: 450 })])).toEqual([
      true,
      null,
      null,
      true,
    ]);
    expect(
      verdicts([
        route,
        measured("trpc", { reqPerSec: 449 }),
        measured("dashboard", { p99Ms: 150, non2xx: 2, errors: 2 }),
      ]),
    ).toEqual([false, false, null, false]);
    expect(verdicts([measured("dashboard", { p99Ms: 149 })])).toEqual([null, true, null, true]);
  });

  it("compares the landing from cache with the landing rendered per request (server CPU)", () => {
    const page = (label: string, nextCpuMs: number): Measurement => ({
      ...measured("public", { requests: 1000 }),
      scenario: { id: "public", label, url: "http://x/", headers: {} },
      cpuMs: { next: nextCpuMs, db: 0, bare: 0 },
    });
    const landing = (cachedMs: number) =>
      targets([page(publicPageLabel("/"), cachedMs), page(PER_REQUEST_LANDING_LABEL, 5000)], 20)[2];
    expect(landing(500)).toMatchObject({ met: true, detail: expect.stringContaining("10.0×") });
    expect(landing(501)?.met).toBe(false);
  });

  it("rewrites its own sections of docs/benchmarks.md and keeps the rest", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "bench-")), "benchmarks.md");
    await writeBenchmarksDoc(file, "embedded", "## Embedded\n\nfirst run");
    writeFileSync(file, `${readFileSync(file, "utf8")}\n## Notes\n\nWritten by hand.\n`);
    await writeBenchmarksDoc(file, "postgresql", "## PostgreSQL\n\nfirst run");
    await writeBenchmarksDoc(file, "embedded", "## Embedded\n\nsecond run");
    const doc = readFileSync(file, "utf8");
    expect(doc.startsWith("<!-- bench:intro:start -->\n\n# Benchmarks")).toBe(true);
    expect(doc).toContain("second run");
    expect(doc).not.toContain("## Embedded\n\nfirst run");
    expect(doc).toContain("Written by hand.");
    expect(doc.match(/# Benchmarks/g)).toHaveLength(1);
    expect(doc.indexOf("## Embedded")).toBeLessThan(doc.indexOf("## Notes"));
    expect(doc.indexOf("## Notes")).toBeLessThan(doc.indexOf("## PostgreSQL"));
  });
});

describe("bench browser row", () => {
  it("sorts a page view's requests by kind", () => {
    const kind = (url: string, headers: Record<string, string> = {}, type = "fetch") =>
      requestKind(new URL(url, "http://app"), headers, type);
    expect(kind("/w/acme", {}, "document")).toBe("document");
    expect(kind("/w/acme/projects?_rsc=1x", { rsc: "1" })).toBe("rsc");
    expect(kind("/w/acme/projects?_rsc=1x", { rsc: "1", "next-router-prefetch": "1" })).toBe(
      "prefetch",
    );
    expect(kind("/api/trpc/project.list?batch=1")).toBe("trpc");
    expect(kind("/_next/static/chunks/a.js", {}, "script")).toBe("static");
    expect(kind("/api/health")).toBe("other");
  });

  it("measures the dehydrated query states in an RSC payload, strings and nesting included", () => {
    const state = '{"mutations":[],"queries":[{"queryKey":["a"],"state":{"data":"}]{"}}]}';
    expect(dehydratedBytes(`1:["$","div",null,{"state":${state}}]\n2:{"x":1}`)).toBe(
      Buffer.byteLength(state),
    );
    expect(dehydratedBytes(`${state}${state}`)).toBe(2 * Buffer.byteLength(state));
    expect(dehydratedBytes("no state here")).toBe(0);
  });

  it("reads the RSC payload a document inlines", () => {
    const html =
      '<script>self.__next_f.push([0])</script><script>self.__next_f.push([1,"1:{\\"a\\":\\"x\\"}\\n"])</script>' +
      '<script>self.__next_f.push([1,"2:[]"])</script>';
    expect(inlinedPayload(html)).toBe('1:{"a":"x"}\n2:[]');
  });
});
