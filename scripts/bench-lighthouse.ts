/**
 * `npm run bench:lighthouse`: starts the production build as `npm start` does (the bench's ports,
 * BENCH_PORT etc.; build first with `npm run build` or `npm run bench`), runs Lighthouse with its
 * mobile settings on each public page (PUBLIC_PAGE_BENCH_PATHS, src/server/http/public-pages.ts)
 * in the system Chromium, prints Performance, Accessibility, Best Practices and SEO with LCP, TBT
 * and CLS, the targets met or missed and every failed audit, and writes the table into
 * docs/benchmarks.md (its own section; `--no-write` to skip). Exit code 0 when the run completed,
 * even with a missed target; 1 when it could not run.
 */
import path from "node:path";
import {
  runLighthouse,
  LIGHTHOUSE_TARGETS,
  type LighthouseResult,
} from "../tools/bench/lighthouse";
import { describeMachine } from "../tools/bench/machine";
import { readOptions } from "../tools/bench/options";
import { busy, writeBenchmarksDoc } from "../tools/bench/report";
import { startApp } from "../tools/bench/server";
import { ROOT } from "../tools/database";
import { stopAll } from "../tools/process-groups";
import { PUBLIC_PAGE_BENCH_PATHS } from "../src/server/http/public-pages";

const DOC = path.join(ROOT, "docs", "benchmarks.md");

/** The results as a Markdown table. */
function lighthouseTable(results: LighthouseResult[]): string {
  const rows = results.map((r) =>
    [r.path, r.performance, r.accessibility, r.bestPractices, r.seo, r.lcpMs, r.tbtMs, r.cls].join(
      " | ",
    ),
  );
  return [
    "| page | Performance | Accessibility | Best Practices | SEO | LCP ms | TBT ms | CLS |",
    "| ---- | ----------: | ------------: | -------------: | --: | -----: | -----: | --: |",
    ...rows.map((row) => `| ${row} |`),
  ].join("\n");
}

/** "met" or the scores that missed their target. */
function verdict(result: LighthouseResult): string {
  const missed = (Object.keys(LIGHTHOUSE_TARGETS) as (keyof typeof LIGHTHOUSE_TARGETS)[])
    .filter((key) => result[key] < LIGHTHOUSE_TARGETS[key])
    .map((key) => `${key} ${result[key]} < ${LIGHTHOUSE_TARGETS[key]}`);
  return missed.length ? `MISSED: ${missed.join(", ")}` : "met";
}

async function main(): Promise<void> {
  const options = readOptions(["--no-build"], process.env);
  const app = await startApp(options);
  console.log(
    `▸ app at ${app.baseUrl}; Lighthouse (mobile) on ${PUBLIC_PAGE_BENCH_PATHS.join(", ")}`,
  );
  const machine = describeMachine();
  const results = await runLighthouse(app.baseUrl, PUBLIC_PAGE_BENCH_PATHS);
  const table = lighthouseTable(results);
  console.log(`\n${table}\n`);
  for (const result of results) {
    console.log(`${result.path}: ${verdict(result)}`);
    for (const audit of result.failed) console.log(`  - ${audit}`);
  }
  if (process.argv.includes("--no-write")) return;
  const load = busy(machine)
    ? ` Load average ${machine.loadAverage} on ${machine.cores} cores at start: other work was running, Performance is noisy.`
    : "";
  const section = [
    "## Lighthouse (public pages)",
    "",
    `Measured ${new Date().toISOString().replace("T", " ").slice(0, 16)} UTC by \`npm run bench:lighthouse\`: ` +
      `Lighthouse's mobile settings, headless Chromium, production build, signed out.${load} ` +
      "Targets: Performance ≥ 95, Accessibility, Best Practices and SEO 100.",
    "",
    table,
    "",
    ...results.map((r) => `- \`${r.path}\`: ${verdict(r)}`),
  ].join("\n");
  await writeBenchmarksDoc(DOC, "lighthouse", section);
  console.log(`\n✓ wrote ${path.relative(ROOT, DOC)}`);
}

try {
  await main();
  await stopAll();
  process.exit(0);
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  await stopAll();
  process.exit(1);
}
