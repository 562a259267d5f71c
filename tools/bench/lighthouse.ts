/**
 * Lighthouse (the npm package, its default mobile settings: a Moto G Power-sized screen, 4× CPU
 * slowdown, simulated slow 4G) on the public pages, driving the system Chromium headless through
 * chrome-launcher. Used by `npm run bench:lighthouse` (scripts/bench-lighthouse.ts).
 */
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";

/** Flags that keep Chromium quiet on a closed network (docs/ARCHITECTURE: Browsers). */
const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** One page's scores (0–100) and metrics (LCP and TBT in ms, CLS unitless). */
export interface LighthouseResult {
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Titles of the audits that failed (score < 1) in the four categories, for fixing. */
  failed: string[];
}

/** The targets of issue 16: Performance ≥ 95, the three others 100. */
export const LIGHTHOUSE_TARGETS = {
  performance: 95,
  accessibility: 100,
  bestPractices: 100,
  seo: 100,
};

/**
 * Runs Lighthouse on `baseUrl` + each of `paths`, one after the other, in one Chromium.
 * @throws Error when Chromium cannot start or Lighthouse returns no result.
 */
export async function runLighthouse(
  baseUrl: string,
  paths: readonly string[],
  chromePath = process.env.CHROME_PATH || "/usr/bin/chromium",
): Promise<LighthouseResult[]> {
  const chrome = await launch({ chromePath, chromeFlags: CHROME_FLAGS });
  try {
    const results: LighthouseResult[] = [];
    for (const path of paths) {
      const answer = await lighthouse(`${baseUrl}${path}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      });
      if (!answer) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { categories, audits } = answer.lhr;
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      // Audits that count towards a score (weight > 0) and did not pass.
      const failed = Object.values(categories).flatMap((category) =>
        category.auditRefs.flatMap((ref) => {
          const audit = audits[ref.id];
          return ref.weight > 0 && audit && audit.score !== null && audit.score < 1
            ? [`${category.id}: ${audit.title}`]
            : [];
        }),
      );
      results.push({
        path,
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        seo: score("seo"),
        lcpMs: Math.round(audits["largest-contentful-paint"]?.numericValue ?? NaN),
        tbtMs: Math.round(audits["total-blocking-time"]?.numericValue ?? NaN),
        cls: Number((audits["cumulative-layout-shift"]?.numericValue ?? NaN).toFixed(3)),
        failed,
      });
    }
    return results;
  } finally {
    chrome.kill();
  }
}
