/**
 * The bench's browser row: what a real page view costs, not just the page. Chromium (Playwright,
 * the system's /usr/bin/chromium unless `BENCH_CHROMIUM` names another) signs in with the bench's
 * session cookie and, `views` times over:
 * - cold: a fresh browser context (empty caches) loads the workspace overview `/w/<slug>` and waits
 *   until the network is idle, so every prefetch the page starts (Next's Link prefetches, tRPC) is
 *   counted with it;
 * - warm: a real click on the sidebar's "Projects" link, then on "Overview": client navigations,
 *   each timed in the page from the click to the new page's content, again until the network is
 *   idle.
 * Server CPU (tools/bench/cpu.ts, Next + database processes) is read before and after each phase
 * and divided by its page views. Requests are sorted by kind (document, RSC navigation, RSC
 * prefetch, tRPC, static, other); bytes of RSC payload (the document's inlined flight data and
 * RSC responses) and of dehydrated TanStack Query state (the `HydrationBoundary` states in that
 * payload) are counted. Web Vitals come from PerformanceObserver: LCP and CLS of the cold load,
 * INP (the longest interaction) over the page's life, its interactions being the nav clicks.
 */
import { chromium, type Browser, type Page, type Request } from "@playwright/test";
import { cpuBetween, type CpuTargets, snapshot } from "./cpu";
import type { SessionCookie } from "./sign-in";

/** Where and as whom the browser row runs. */
export interface BrowserContext {
  appUrl: string;
  cookie: SessionCookie;
  workspaceSlug: string;
  /** Cold loads of the overview (each followed by two client navigations). */
  views: number;
  cpuTargets: CpuTargets;
}

/** The kinds of request a page view makes. */
export const REQUEST_KINDS = ["document", "rsc", "prefetch", "trpc", "static", "other"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** One phase's figures, per page view (means over the run). */
export interface PhaseResult {
  /** Page views measured. */
  views: number;
  /** Server CPU per page view (Next + database), ms; null where /proc is unreadable. */
  cpuMsPerView: number | null;
  /** Requests per page view, by kind. */
  requests: Record<RequestKind, number>;
  /** Bytes of HTML per page view (the document, uncompressed). */
  htmlBytes: number;
  /** Bytes of RSC payload per page view (the document's inlined flight data + RSC responses). */
  rscBytes: number;
  /** Bytes of dehydrated query state per page view (inside that payload). */
  dehydratedBytes: number;
}

/** The browser row. Times in ms; CLS unitless. */
export interface BrowserResult {
  cold: PhaseResult;
  navigation: PhaseResult;
  /** Median time from the click to the new page's content on a client navigation, ms. */
  navigationMedianMs: number;
  /** The slowest client navigation, ms. */
  navigationMaxMs: number;
  /** Median LCP of the cold loads, ms. */
  lcpMs: number;
  /** The worst CLS of a page's life (cold load and its navigations). */
  cls: number;
  /** The worst INP (longest interaction) seen, ms. */
  inpMs: number;
}

/** What marks each page's content as shown (the overview's recent activity, the project list). */
const CONTENT = {
  overview: 'section[aria-labelledby="recent-heading"] li',
  projects: 'section[aria-labelledby="projects-heading"] li',
};

/** Collects the Web Vitals and the time of the last click, from the page's first script on. */
const VITALS_SCRIPT = `
  window.__bench = { lcp: 0, cls: 0, inp: 0, clickAt: 0 };
  const observe = (type, fn, extra) => {
    try { new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true, ...extra }); } catch {}
  };
  observe("largest-contentful-paint", (e) => { window.__bench.lcp = e.startTime; });
  observe("layout-shift", (e) => { if (!e.hadRecentInput) window.__bench.cls += e.value; });
  observe("event", (e) => { if (e.interactionId) window.__bench.inp = Math.max(window.__bench.inp, e.duration); }, { durationThreshold: 16 });
  addEventListener("pointerdown", () => { window.__bench.clickAt = performance.now(); }, true);
`;

/** The kind of a request. */
export function requestKind(url: URL, headers: Record<string, string>, type: string): RequestKind {
  if (type === "document") return "document";
  if (headers.rsc === "1" || url.searchParams.has("_rsc")) {
    return headers["next-router-prefetch"] || headers["next-router-segment-prefetch"]
      ? "prefetch"
      : "rsc";
  }
  if (url.pathname.startsWith("/api/trpc/")) return "trpc";
  if (
    url.pathname.startsWith("/_next/static/") ||
    /\.(js|css|woff2?|svg|png|ico)$/.test(url.pathname)
  )
    return "static";
  return "other";
}

/**
 * Bytes of the dehydrated query states in an RSC payload: every `{"mutations":[…],"queries":[…]}`
 * object (TanStack Query's `dehydrate` output), matched bracket by bracket (strings skipped).
 */
export function dehydratedBytes(payload: string): number {
  let total = 0;
  let from = 0;
  for (;;) {
    const start = payload.indexOf('{"mutations":', from);
    if (start === -1) return total;
    let depth = 0;
    let inString = false;
    let end = start;
    for (; end < payload.length; end++) {
      const char = payload[end];
      if (inString) {
        if (char === "\\") end++;
        else if (char === '"') inString = false;
      } else if (char === '"') inString = true;
      else if (char === "{" || char === "[") depth++;
      else if (char === "}" || char === "]") {
        depth--;
        if (depth === 0) break;
      }
    }
    total += Buffer.byteLength(payload.slice(start, end + 1));
    from = end + 1;
  }
}

/** The RSC payload a document inlines: its `self.__next_f.push([1, "…"])` strings, joined. */
export function inlinedPayload(html: string): string {
  const chunks = html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g);
  return [...chunks].map((match) => JSON.parse(match[1]!) as string).join("");
}

/** Tallies of one phase while it runs. */
class Tally {
  requests = Object.fromEntries(REQUEST_KINDS.map((kind) => [kind, 0])) as Record<
    RequestKind,
    number
  >;
  htmlBytes = 0;
  rscBytes = 0;
  dehydratedBytes = 0;
  cpuMs: number | null = 0;
  views = 0;
  pending: Promise<void>[] = [];

  result(): PhaseResult {
    const per = (value: number) => value / Math.max(this.views, 1);
    return {
      views: this.views,
      cpuMsPerView: this.cpuMs === null ? null : per(this.cpuMs),
      requests: Object.fromEntries(
        REQUEST_KINDS.map((kind) => [kind, per(this.requests[kind])]),
      ) as Record<RequestKind, number>,
      htmlBytes: per(this.htmlBytes),
      rscBytes: per(this.rscBytes),
      dehydratedBytes: per(this.dehydratedBytes),
    };
  }
}

/** Counts `page`'s requests into whichever tally `current()` returns. */
function watch(page: Page, current: () => Tally) {
  page.on("request", (request: Request) => {
    const tally = current();
    const kind = requestKind(new URL(request.url()), request.headers(), request.resourceType());
    tally.requests[kind] += 1;
    if (kind !== "rsc" && kind !== "prefetch" && kind !== "document") return;
    tally.pending.push(
      request
        .response()
        .then((response) => response?.body())
        .then((body) => {
          if (!body) return;
          if (kind === "document") tally.htmlBytes += body.length;
          const text = body.toString("utf8");
          const payload = kind === "document" ? inlinedPayload(text) : text;
          tally.rscBytes += Buffer.byteLength(payload);
          tally.dehydratedBytes += dehydratedBytes(payload);
        })
        .catch(() => undefined),
    );
  });
}

/** Runs `fn` and adds the server CPU it cost to `tally` (null once unreadable). */
async function measured(tally: Tally, targets: CpuTargets, fn: () => Promise<void>) {
  const before = snapshot(targets);
  await fn();
  await Promise.all(tally.pending);
  const cpu = cpuBetween(before, snapshot(targets));
  tally.cpuMs = cpu === null || tally.cpuMs === null ? null : tally.cpuMs + cpu.next + cpu.db;
}

/**
 * In-page scripts are strings: tsx compiles this file with esbuild's `keepNames`, whose helper
 * (`__name`) does not exist in the page.
 */
const waitForSelector = (selector: string) => `new Promise((resolve) => {
  const check = () => {
    if (!document.querySelector(${JSON.stringify(selector)})) return false;
    observer.disconnect();
    resolve(performance.now());
    return true;
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
})`;

/** Clicks the sidebar link `name` and returns ms from the click to `selector` being shown. */
async function navigate(page: Page, name: string, selector: string): Promise<number> {
  const shown = page.evaluate<number>(waitForSelector(selector));
  shown.catch(() => undefined); // awaited below; a failed click must not leave it unhandled
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name }).click();
  const at = await shown;
  const clickAt = await page.evaluate<number>("window.__bench.clickAt");
  await page.waitForLoadState("networkidle");
  return at - clickAt;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/**
 * Runs the browser row.
 * @throws Error when Chromium cannot start or a page never shows its content (30 s).
 */
export async function runBrowser(context: BrowserContext): Promise<BrowserResult> {
  const browser: Browser = await chromium.launch({
    executablePath: process.env.BENCH_CHROMIUM || "/usr/bin/chromium",
    args: [
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const cold = new Tally();
  const navigation = new Tally();
  const navigationMs: number[] = [];
  const lcp: number[] = [];
  let cls = 0;
  let inp = 0;
  const [name, value] = context.cookie.split(/=(.*)/s) as [string, string];
  try {
    for (let view = 0; view < context.views; view++) {
      const browserContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await browserContext.addCookies([{ name, value, url: context.appUrl }]);
      await browserContext.addInitScript(VITALS_SCRIPT);
      const page = await browserContext.newPage();
      page.setDefaultTimeout(30_000);
      let phase = cold;
      watch(page, () => phase);
      await measured(cold, context.cpuTargets, async () => {
        await page.goto(`${context.appUrl}/w/${context.workspaceSlug}`);
        await page.locator(CONTENT.overview).first().waitFor();
        await page.waitForLoadState("networkidle");
      });
      cold.views += 1;
      lcp.push(await page.evaluate<number>("window.__bench.lcp"));
      phase = navigation;
      await measured(navigation, context.cpuTargets, async () => {
        navigationMs.push(await navigate(page, "Projects", CONTENT.projects));
        navigationMs.push(await navigate(page, "Overview", CONTENT.overview));
      });
      navigation.views += 2;
      const vitals = await page.evaluate<{ cls: number; inp: number }>("window.__bench");
      cls = Math.max(cls, vitals.cls);
      inp = Math.max(inp, vitals.inp);
      await browserContext.close();
    }
  } finally {
    await browser.close();
  }
  return {
    cold: cold.result(),
    navigation: navigation.result(),
    navigationMedianMs: median(navigationMs),
    navigationMaxMs: Math.max(...navigationMs),
    lcpMs: median(lcp),
    cls,
    inpMs: inp,
  };
}

/** The browser row as Markdown tables (figures per page view). */
export function browserTable(result: BrowserResult): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const cpu = (ms: number | null) => (ms === null ? "n/a" : `${ms.toFixed(1)} ms`);
  const requests = (phase: PhaseResult) =>
    REQUEST_KINDS.filter((kind) => phase.requests[kind] > 0)
      .map((kind) => `${kind} ${+phase.requests[kind].toFixed(1)}`)
      .join(", ");
  const row = (label: string, phase: PhaseResult) =>
    `| ${label} | ${phase.views} | ${cpu(phase.cpuMsPerView)} | ${requests(phase)} | ` +
    `${kb(phase.htmlBytes)} | ${kb(phase.rscBytes)} | ${kb(phase.dehydratedBytes)} |`;
  return [
    "| Browser page view | Views | Server CPU / view | Requests / view | HTML / view | RSC payload / view | Dehydrated queries / view |",
    "| --- | ---: | ---: | --- | ---: | ---: | ---: |",
    row("cold load of the overview (until network idle)", result.cold),
    row("client navigation overview ⇄ projects", result.navigation),
    "",
    "| Click → new page's content (median / max) | LCP (median, cold) | CLS (worst) | INP (worst) |",
    "| ---: | ---: | ---: | ---: |",
    `| ${Math.round(result.navigationMedianMs)} / ${Math.round(result.navigationMaxMs)} ms | ` +
      `${Math.round(result.lcpMs)} ms | ${result.cls.toFixed(3)} | ${Math.round(result.inpMs)} ms |`,
  ].join("\n");
}
